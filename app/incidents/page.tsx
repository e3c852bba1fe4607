import Link from "next/link";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { ElapsedTime } from "@/components/incident/elapsed-time";
import { ProgressBar } from "@/components/incident/progress-bar";
import { SeverityBadge } from "@/components/incident/severity-badge";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { listIncidents } from "@/lib/incident/list-incidents";

export const dynamic = "force-dynamic";

export default async function IncidentsPage() {
  const user = await requireUser();
  const incidents = await listIncidents(getPrisma());
  const renderedAt = Date.now();

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <div className="mb-6 flex items-center justify-between">
          <h1 className="text-2xl font-semibold">Incidents</h1>
          {can(user.role, "incident.declare") && (
            <Link href="/incidents/new" className="rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700">
              Declare incident
            </Link>
          )}
        </div>

        {incidents.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            No incidents yet. Declare one to run a scenario from the runbook, or run a drill.
          </p>
        ) : (
          <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600">
              <tr>
                <th className="px-4 py-2">Incident</th>
                <th className="px-4 py-2">Severity</th>
                <th className="px-4 py-2">Scenario</th>
                <th className="px-4 py-2">Status</th>
                <th className="w-48 px-4 py-2">Progress</th>
                <th className="px-4 py-2">Elapsed</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id} data-testid="incident-row" className="border-t border-slate-100">
                  <td className="px-4 py-3">
                    <Link href={`/incidents/${incident.id}`} className="font-medium text-slate-900 hover:underline">
                      {incident.title}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <SeverityBadge level={incident.severityLevel} label={incident.severityLabel} />
                  </td>
                  <td className="px-4 py-3">{incident.scenarioTitle}</td>
                  <td className="px-4 py-3">
                    <span className={incident.status === "open" ? "font-medium text-red-700" : "text-emerald-700"}>
                      {incident.status === "open" ? "Open" : "Resolved"}
                    </span>
                    {incident.status !== "open" && (
                      <Link href={`/incidents/${incident.id}/review`} className="ml-2 text-blue-700 hover:underline">
                        Review
                      </Link>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <ProgressBar completed={incident.completedSteps} total={incident.totalSteps} label={`Progress of ${incident.title}`} />
                  </td>
                  <td className="px-4 py-3">
                    <ElapsedTime declaredAt={incident.declaredAt} resolvedAt={incident.resolvedAt} renderedAt={renderedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
