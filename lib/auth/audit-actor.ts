/** Who made a change, as the audit log records it; id and email are null for the command line. */
export interface AuditActor {
  id: string | null;
  email: string | null;
  address?: string | null;
}

export const COMMAND_LINE_ACTOR: AuditActor = { id: null, email: null, address: "command line" };
