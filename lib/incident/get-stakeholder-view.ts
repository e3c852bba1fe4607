import type { PrismaClient, Tx } from "../db/types";
import { findIncident } from "./find-incident";
import { toIncidentHeader } from "./incident-header";
import { loadRoleHolders } from "./load-role-holders";
import type { IncidentPlan } from "./plan";
import { computeProgress } from "./progress";
import type { StepState } from "./step-state";
import type { PublicUpdate, StakeholderView } from "./stakeholder-view";

const SHOWN_UPDATES = 50;

export interface StakeholderViewOptions {
  /** Whether to name the commander and the authors of updates. */
  showNames: boolean;
}

/**
 * Reads the stakeholder view of an incident in one repeatable-read transaction. It selects
 * only the fields stakeholders may see, so nothing internal can reach them by accident.
 */
export async function getStakeholderView(prisma: PrismaClient, incidentId: string, options: StakeholderViewOptions): Promise<StakeholderView> {
  return prisma.$transaction(
    async (tx) => {
      const incident = await findIncident(tx, incidentId);
      const plan = incident.plan as unknown as IncidentPlan;

      const steps = await tx.stepRun.findMany({ where: { incidentId }, select: { phaseIndex: true, state: true, updatedAt: true } });
      const progress = computeProgress(
        steps.map((step) => ({ phaseIndex: step.phaseIndex, state: step.state as StepState, updatedAt: step.updatedAt?.toISOString() ?? null })),
        plan.phases.length,
      );

      const updates = await tx.timelineEvent.findMany({
        where: { incidentId, type: "update.posted" },
        orderBy: { seq: "desc" },
        take: SHOWN_UPDATES,
        select: { id: true, createdAt: true, payload: true, actor: { select: { name: true } } },
      });

      return {
        ...toIncidentHeader(incident),
        commander: options.showNames ? await findCommanderNames(tx, incidentId) : null,
        showNames: options.showNames,
        phases: plan.phases.map((phase, index) => ({ ...phase, ...progress.phases[index] })),
        completed: progress.completed,
        total: progress.total,
        objectives: plan.objectives,
        updates: updates.map(
          (row): PublicUpdate => ({
            id: row.id,
            postedAt: row.createdAt.toISOString(),
            text: (row.payload as { text: string }).text,
            author: options.showNames ? (row.actor?.name ?? null) : null,
          }),
        ),
        serverNow: Date.now(),
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

// Names every incident commander, as the command view lists them; null when none is assigned.
async function findCommanderNames(tx: Tx, incidentId: string): Promise<string | null> {
  const commanders = (await loadRoleHolders(tx, incidentId)).filter((holder) => holder.role === "incident_commander");
  return commanders.length > 0 ? commanders.map((holder) => holder.user.name).join(", ") : null;
}
