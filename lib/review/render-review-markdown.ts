import { STEP_STATE_LABELS } from "../incident/step-state";
import type { Review } from "./build-review";
import { describeEvent } from "./describe-event";
import { describeObjective, describePhase, describeTimeBox, formatOffset, formatOptionalDuration, formatUtc } from "./format-review";

/** Escapes the characters that would break a Markdown table cell or start formatting. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Renders a review as a Markdown document: summary, metrics, steps, problems and the full timeline. */
export function renderReviewMarkdown(review: Review): string {
  const { data, metrics } = review;
  const { incident } = data;
  const lines: string[] = [];
  const at = (ms: number) => `${formatUtc(ms)} (${formatOffset(ms, metrics.declaredAtMs)})`;

  lines.push(`# Post-incident review: ${incident.title}`, "");
  lines.push(`- Severity: SEV${incident.severityLevel} ${incident.severityLabel}`);
  lines.push(`- Scenario: ${incident.scenarioTitle} (${data.plan.runbookTitle})`);
  lines.push(`- Declared: ${formatUtc(metrics.declaredAtMs)} by ${incident.declaredBy.name}`);
  lines.push(`- Resolved: ${metrics.resolvedAtMs !== null ? formatUtc(metrics.resolvedAtMs) : "not resolved"}`);
  lines.push(`- Time to resolve: ${formatOptionalDuration(metrics.timeToResolveMs)}`);
  lines.push(`- Timeline events: ${metrics.eventCount}`, "");

  const { writeUp } = data;
  lines.push("## Write-up", "");
  for (const [label, text] of [
    ["Summary", writeUp.summary],
    ["Root cause", writeUp.rootCause],
    ["Contributing factors", writeUp.contributingFactors],
    ["What went well", writeUp.wentWell],
    ["Improvement recommendations", writeUp.recommendations],
  ] as const) {
    lines.push(`### ${label}`, "", text || "Not written yet.", "");
  }
  lines.push(`Data loss: ${writeUp.dataLossMinutes === null ? "not recorded" : `${writeUp.dataLossMinutes} min`}`, "");
  if (metrics.correctedSeqs.length > 0) {
    lines.push(`Metrics use reviewers' corrected times for events ${metrics.correctedSeqs.map((seq) => `#${seq}`).join(", ")}.`, "");
  }

  lines.push("## Recovery objectives", "", "| objective | target | actual | result |", "|---|---|---|---|");
  for (const objective of metrics.objectives) {
    lines.push(`| ${objective.kind} ${cell(objective.name)} | ${objective.targetMinutes} min | ${formatOptionalDuration(objective.actualMs)} | ${describeObjective(objective)} |`);
  }

  lines.push("", "## Phases", "", "| phase | time box | started | completed | time in phase | result |", "|---|---|---|---|---|---|");
  for (const phase of metrics.phases) {
    const started = phase.startedAtMs !== null ? formatOffset(phase.startedAtMs, metrics.declaredAtMs) : "–";
    const completed = phase.completedAtMs !== null ? formatOffset(phase.completedAtMs, metrics.declaredAtMs) : "–";
    lines.push(`| ${cell(phase.title)} | ${describeTimeBox(phase)} | ${started} | ${completed} | ${formatOptionalDuration(phase.durationMs)} | ${describePhase(phase)} |`);
  }

  lines.push("", "## Steps", "", "| phase | step | final state | started | ended | duration | changes |", "|---|---|---|---|---|---|---|");
  for (const step of metrics.steps) {
    const phaseTitle = data.plan.phases[step.phaseIndex]?.title ?? `Phase ${step.phaseIndex + 1}`;
    const started = step.startedAtMs !== null ? formatOffset(step.startedAtMs, metrics.declaredAtMs) : "–";
    const ended = step.endedAtMs !== null ? formatOffset(step.endedAtMs, metrics.declaredAtMs) : "–";
    lines.push(`| ${cell(phaseTitle)} | ${cell(step.title)} | ${STEP_STATE_LABELS[step.finalState]} | ${started} | ${ended} | ${formatOptionalDuration(step.durationMs)} | ${step.changeCount} |`);
  }

  lines.push("", "## Skipped, failed and blocked steps", "");
  if (metrics.problems.length === 0) lines.push("None.");
  for (const problem of metrics.problems) {
    const reason = problem.reason ? `: ${problem.reason}` : " (no reason recorded)";
    lines.push(`- ${at(problem.atMs)} ${problem.title} ${STEP_STATE_LABELS[problem.state].toLowerCase()} by ${problem.actorName ?? "system"}${reason}; finally ${STEP_STATE_LABELS[problem.finalState].toLowerCase()} [event ${problem.seq}]`);
  }

  lines.push("", "## Action items", "");
  if (data.actionItems.length === 0) lines.push("None.");
  for (const item of data.actionItems) {
    lines.push(`- [${item.done ? "x" : " "}] ${item.title} (owner: ${item.owner}, due ${item.dueDate})`);
  }

  lines.push("", "## Follow-up checklist", "");
  if (data.checklist.length === 0) lines.push("The runbook has no post-recovery list.");
  for (const item of data.checklist) {
    lines.push(`- [${item.done ? "x" : " "}] ${item.text}`);
  }

  lines.push("", "## Feedback on runbook steps", "");
  if (data.feedback.length === 0) lines.push("None.");
  for (const feedback of data.feedback) {
    const missing = feedback.phaseIndex === null ? " (missing from the runbook)" : "";
    lines.push(`- **${feedback.kind}**: ${feedback.stepTitle}${missing}: ${feedback.comment} (${feedback.createdByName})`);
  }

  lines.push("", "## Timeline", "");
  for (const event of data.events) {
    lines.push(`- **#${event.seq}** ${at(Date.parse(event.createdAt))} · ${event.actor?.name ?? "system"} · ${describeEvent(event)}`);
  }

  return `${lines.join("\n")}\n`;
}
