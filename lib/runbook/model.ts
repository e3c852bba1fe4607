// The runbook model: what the Markdown importer produces and what an incident is declared from.
// It is stored as JSON on each runbook version, so every field must be plain data.

/** A place in the source Markdown, 1-based, so warnings and previews can point at it. */
export interface SourceLine {
  line: number;
}

export interface RecoveryObjective extends SourceLine {
  kind: "RTO" | "RPO";
  /** Stable key derived from the name, for example "database-restore". */
  key: string;
  name: string;
  minutes: number;
}

export interface SeverityLevel extends SourceLine {
  /** 1 is the most severe. */
  level: number;
  /** The level as written in the runbook, for example "Severity 1 - Critical". */
  title: string;
  /** The short name, for example "Critical". */
  label: string;
  criteria: string[];
}

export interface Contact extends SourceLine {
  /** The heading the contact is listed under, for example "Primary Contacts". */
  group: string;
  role: string;
  value: string;
}

export interface StepCommand extends SourceLine {
  /** Fence language, or "" when the fence names none. */
  lang: string;
  /** The commands to run. "$ " prompts are removed and the output lines after them are left out. */
  code: string;
  /** Output lines that followed "$ " prompts in the fence, when there were any. */
  output?: string;
}

/** A nested list item under a step, with the commands inside it. */
export interface SubStep extends SourceLine {
  title: string;
  commands: StepCommand[];
  /** True or false for a task list item ("- [x]" or "- [ ]"), absent otherwise. */
  checked?: boolean;
  substeps?: SubStep[];
}

export interface Step extends SourceLine {
  title: string;
  /** Text under the step that is not a command: sub-items, prose. Plain text, one item per line. */
  detail: string;
  /** Every command of the step, including those inside sub-steps, in source order. */
  commands: StepCommand[];
  substeps?: SubStep[];
  /** The role that carries the step out, from an owner column or an "Owner:" line, or set by an admin. */
  owner?: string;
  /** True or false for a task list item ("- [x]" or "- [ ]"), absent otherwise. */
  checked?: boolean;
  /** A time written for the step, such as a table's time column, kept as text. */
  time?: string;
}

export interface Phase extends SourceLine {
  title: string;
  /** Time box relative to the declaration, in minutes; null when the runbook gives none. */
  startMinute: number | null;
  endMinute: number | null;
  steps: Step[];
}

export interface Scenario extends SourceLine {
  /** Stable key derived from the title, for example "complete-database-failure". */
  key: string;
  title: string;
  phases: Phase[];
  /** Key of the RTO objective this scenario counts against, set by an admin after import. */
  objectiveKey?: string;
}

/** A section that is prose only, kept for reference and never turned into steps. */
export interface ContextSection extends SourceLine {
  title: string;
  /** Plain text of the section, one paragraph or item per line. HTML stays as its source text. */
  text: string;
}

export interface ImportWarning extends SourceLine {
  message: string;
}

export interface RunbookModel {
  title: string;
  /** Optional lines such as "Version" and "Last Updated", keyed as written. */
  metadata: Record<string, string>;
  objectives: RecoveryObjective[];
  severities: SeverityLevel[];
  contacts: Contact[];
  scenarios: Scenario[];
  /** Prose-only sections, in document order. */
  context?: ContextSection[];
  warnings: ImportWarning[];
  /** Number of lines in the imported text, so every line number can be checked against it. */
  lineCount?: number;
}
