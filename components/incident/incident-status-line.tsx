import { SeverityBadge } from "./severity-badge";

export interface ConnectionStyle {
  label: string;
  className: string;
}

interface IncidentStatusLineProps {
  severityLevel: number;
  severityLabel: string;
  open: boolean;
  /** Wording of the status, which differs between responders ("Open") and stakeholders. */
  openLabel: string;
  connectionState: string;
  connection: ConnectionStyle;
}

/** Renders the line above an incident's title: severity, open or resolved, and the live connection. */
export function IncidentStatusLine({ severityLevel, severityLabel, open, openLabel, connectionState, connection }: IncidentStatusLineProps) {
  return (
    <div className="flex items-center gap-2">
      <SeverityBadge level={severityLevel} label={severityLabel} />
      <span data-testid="incident-status" className={open ? "text-sm font-semibold text-red-700" : "text-sm font-semibold text-emerald-700"}>
        {open ? openLabel : "Resolved"}
      </span>
      <span data-testid="connection-state" data-state={connectionState} className={`rounded px-2 py-0.5 text-xs ${connection.className}`}>
        {connection.label}
      </span>
    </div>
  );
}
