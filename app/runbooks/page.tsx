import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { ReviewBadge } from "@/components/runbook/review-badge";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { listRunbookLibrary } from "@/lib/runbook/list-runbook-library";

export const dynamic = "force-dynamic";

export default async function RunbookLibraryPage() {
  const user = await requireUser();
  if (!can(user.role, "runbook.manage")) redirect("/incidents");

  const runbooks = await listRunbookLibrary(getPrisma());

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <div className="mb-6 flex items-center justify-between">
          <h1 className="text-2xl font-semibold">Runbook library</h1>
          <Link href="/runbooks/feedback" className="ml-auto mr-4 text-sm text-blue-700 hover:underline">
            Step feedback from reviews
          </Link>
          <Link href="/runbooks/import" className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
            Import runbook
          </Link>
        </div>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
          <thead className="bg-slate-100 text-xs uppercase text-slate-600">
            <tr>
              <th className="px-4 py-2">Runbook</th>
              <th className="px-4 py-2">Version</th>
              <th className="px-4 py-2">Scenarios</th>
              <th className="px-4 py-2">Steps</th>
              <th className="px-4 py-2">Warnings</th>
              <th className="px-4 py-2">Last reviewed</th>
            </tr>
          </thead>
          <tbody>
            {runbooks.map((runbook) => {
              const model = runbook.latest.model;
              const steps = model.scenarios.reduce((sum, scenario) => sum + scenario.phases.reduce((phaseSum, phase) => phaseSum + phase.steps.length, 0), 0);

              return (
                <tr key={runbook.id} data-testid="runbook-row" className="border-t border-slate-100">
                  <td className="px-4 py-3">
                    <Link href={`/runbooks/${runbook.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                      {runbook.title}
                    </Link>
                  </td>
                  <td className="px-4 py-3">v{runbook.latest.version}</td>
                  <td className="px-4 py-3">{model.scenarios.length}</td>
                  <td className="px-4 py-3">{steps}</td>
                  <td className="px-4 py-3">{model.warnings.length}</td>
                  <td className="px-4 py-3">
                    <ReviewBadge review={runbook.review} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </main>
    </>
  );
}
