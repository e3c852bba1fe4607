import type { ApprovalView, RunSummary } from "./events";
import type { StepState } from "./step-state";

/** The newest run of a step; `output` is empty for users who may not see command output. */
export interface RunView extends RunSummary {
  output: string;
}

/** A step card's data as the command view shows it. */
export interface StepView {
  id: string;
  phaseIndex: number;
  position: number;
  title: string;
  detail: string;
  commands: { lang: string; code: string }[];
  state: StepState;
  version: number;
  note: string | null;
  /** Server time of the last change, ISO 8601. */
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
  /** The person responsible for the step, or null while the step is unassigned. */
  assignee: { id: string; name: string } | null;
  /** Step kind (lib/executors/step-kinds.ts) and its parameters, with secret references unresolved. */
  kind: string;
  params: Record<string, unknown>;
  dangerous: boolean;
  approval: ApprovalView | null;
  lastRun: RunView | null;
}

export const stepViewInclude = {
  updatedBy: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} as const;

interface StoredStep {
  id: string;
  phaseIndex: number;
  position: number;
  title: string;
  detail: string;
  commands: unknown;
  state: string;
  version: number;
  note: string | null;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  kind: string;
  params: unknown;
  dangerous: boolean;
  approval: unknown;
}

/** Converts a stored step; `lastRun` stays null until the caller loads the runs. */
export function toStepView(row: StoredStep): StepView {
  return {
    id: row.id,
    phaseIndex: row.phaseIndex,
    position: row.position,
    title: row.title,
    detail: row.detail,
    commands: row.commands as StepView["commands"],
    state: row.state as StepState,
    version: row.version,
    note: row.note,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    updatedBy: row.updatedBy,
    assignee: row.assignee,
    kind: row.kind,
    params: (row.params ?? {}) as Record<string, unknown>,
    dangerous: row.dangerous,
    approval: (row.approval ?? null) as ApprovalView | null,
    lastRun: null,
  };
}
