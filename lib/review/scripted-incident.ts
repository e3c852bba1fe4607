// A scripted incident with known timings, shared by the metric, export and chart tests.
// Declared at 12:00:00 UTC, resolved at 12:32:05; each comment gives the figure it produces.
import type { TimelineEvent } from "../incident/events";
import type { StepState } from "../incident/step-state";
import { EMPTY_WRITE_UP, type ReviewData } from "./review-data";

export const SCRIPT_DAY = "2026-12-04";
const INCIDENT_ID = "inc-scripted";

const steps = [
  { id: "s0", phaseIndex: 0, position: 0, title: "Assess the situation" },
  { id: "s1", phaseIndex: 0, position: 1, title: "Notify stakeholders" },
  { id: "s2", phaseIndex: 1, position: 0, title: "Restore from latest backup" },
  { id: "s3", phaseIndex: 1, position: 1, title: "Verify data integrity" },
  { id: "s4", phaseIndex: 2, position: 0, title: "Monitor system stability" },
] as const;

type StepId = (typeof steps)[number]["id"];

const actors = {
  ina: { id: "u-ina", name: "Ina Commander" },
  rex: { id: "u-rex", name: "Rex Responder" },
};

/** Builds the scripted incident as the database would return it. */
export function scriptedReviewData(): ReviewData {
  const events: TimelineEvent[] = [];
  const state = new Map<StepId, StepState>(steps.map((step) => [step.id, "pending"]));

  const at = (time: string) => `${SCRIPT_DAY}T${time}.000Z`;
  const base = (time: string, actor: { id: string; name: string } | null) => ({
    id: `ev${events.length + 1}`,
    incidentId: INCIDENT_ID,
    seq: events.length + 1,
    version: 1,
    actor,
    createdAt: at(time),
  });
  const change = (time: string, stepId: StepId, to: StepState, note: string | null = null, actor = actors.rex) => {
    const step = steps.find((candidate) => candidate.id === stepId)!;
    const from = state.get(stepId)!;
    state.set(stepId, to);
    events.push({
      ...base(time, actor),
      type: "step.changed",
      payload: { stepId, phaseIndex: step.phaseIndex, position: step.position, title: step.title, from, to, stepVersion: 0, note },
    });
  };

  events.push({
    ...base("12:00:00", actors.ina),
    type: "incident.declared",
    payload: { title: "Checkout database down", severityLevel: 1, severityLabel: "Critical", scenarioKey: "complete-database-failure", scenarioTitle: "Complete Database Failure" },
  });
  change("12:00:30", "s0", "in_progress");
  change("12:01:00", "s1", "blocked", "Slack is down too; paging by phone");
  change("12:02:10", "s0", "done"); // s0 took 1:40
  change("12:03:00", "s1", "in_progress"); // s1 was blocked for 2:00
  change("12:04:45", "s1", "done"); // phase 1 complete 15 s inside its 5-minute box
  change("12:05:00", "s2", "in_progress");
  change("12:09:00", "s2", "failed", "Latest backup is corrupt");
  change("12:09:30", "s2", "in_progress", "Retrying with the 02:00 backup");
  change("12:16:20", "s2", "done"); // s2 took 11:20
  change("12:16:40", "s3", "skipped", "Covered by the restore checksum"); // phase 2 complete 1:40 late
  events.push({ ...base("12:17:00", actors.ina), type: "note.added", payload: { text: "Checkout is taking orders again" } });
  change("12:18:00", "s4", "in_progress");
  change("12:25:00", "s4", "done");
  change("12:26:00", "s4", "pending", "Error rate rose again", actors.ina);
  change("12:31:10", "s4", "done"); // phase 3 complete again at 12:31:10, 1:10 late
  events.push({ ...base("12:32:05", actors.ina), type: "incident.resolved", payload: { summary: "Restored from the 02:00 backup" } }); // 32:05 to resolve

  return {
    incident: {
      id: INCIDENT_ID,
      title: "Checkout database down",
      severityLevel: 1,
      severityLabel: "Critical",
      scenarioKey: "complete-database-failure",
      scenarioTitle: "Complete Database Failure",
      status: "resolved",
      declaredAt: at("12:00:00"),
      resolvedAt: at("12:32:05"),
      declaredBy: actors.ina,
      runbookVersionId: "rbv-sample",
    },
    plan: {
      runbookTitle: "Disaster Recovery Runbook",
      phases: [
        { title: "Immediate Actions", startMinute: 0, endMinute: 5 },
        { title: "Recovery Actions", startMinute: 5, endMinute: 15 },
        { title: "Post-Recovery Actions", startMinute: 15, endMinute: 30 },
      ],
      objectives: [
        { kind: "RTO", key: "critical-systems", name: "Critical Systems", minutes: 15, line: 29 },
        { kind: "RTO", key: "full-application", name: "Full Application", minutes: 30, line: 31 },
        { kind: "RTO", key: "cdn-and-assets", name: "CDN and Assets", minutes: 45, line: 32 },
        { kind: "RPO", key: "maximum-data-loss", name: "Maximum Data Loss", minutes: 240, line: 35 },
        { kind: "RPO", key: "customer-data", name: "Customer Data", minutes: 30, line: 37 },
      ],
    },
    steps: steps.map((step) => ({ ...step, state: state.get(step.id)! })),
    events,
    writeUp: { ...EMPTY_WRITE_UP },
    actionItems: [],
    feedback: [],
    checklist: [],
    archives: [],
  };
}
