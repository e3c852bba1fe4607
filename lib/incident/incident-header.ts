/** The fields that name an incident, shared by the list and the command view. */
export interface IncidentHeader {
  id: string;
  title: string;
  severityLevel: number;
  severityLabel: string;
  scenarioTitle: string;
  status: "open" | "resolved";
  /** Server time, ISO 8601. */
  declaredAt: string;
  resolvedAt: string | null;
}

interface StoredIncident {
  id: string;
  title: string;
  severityLevel: number;
  severityLabel: string;
  scenarioTitle: string;
  status: string;
  declaredAt: Date;
  resolvedAt: Date | null;
}

export function toIncidentHeader(row: StoredIncident): IncidentHeader {
  return {
    id: row.id,
    title: row.title,
    severityLevel: row.severityLevel,
    severityLabel: row.severityLabel,
    scenarioTitle: row.scenarioTitle,
    status: row.status as IncidentHeader["status"],
    declaredAt: row.declaredAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
