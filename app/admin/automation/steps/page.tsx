import { redirect } from "next/navigation";
import Link from "next/link";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { RunbookStepEditor } from "@/components/admin/runbook-step-editor";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { resolveStepAutomation } from "@/lib/executors/runbook-step-settings";
import { isStepKind, STEP_KIND_LABELS } from "@/lib/executors/step-kinds";
import type { RunbookModel } from "@/lib/runbook/model";

export const dynamic = "force-dynamic";

export default async function RunbookStepsPage({ searchParams }: { searchParams: Promise<{ runbook?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "automation.configure")) redirect("/incidents");

  const prisma = getPrisma();
  const { runbook: requestedRunbookId } = await searchParams;
  const runbooks = await prisma.runbook.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, title: true } });
  const runbookId = runbooks.find((runbook) => runbook.id === requestedRunbookId)?.id ?? runbooks[0]?.id ?? null;
  const latest = runbookId ? await findLatestVersion(runbookId) : null;
  const settings = runbookId ? await prisma.runbookStepSetting.findMany({ where: { runbookId } }) : [];

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-4xl px-6 py-8">
        <p className="text-sm">
          <Link href="/admin/automation" className="text-slate-600 underline">
            Automation settings
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Runbook steps</h1>
        {runbooks.length > 1 && (
          <nav aria-label="Runbooks" className="mt-2 flex flex-wrap gap-2 text-sm">
            {runbooks.map((runbook) => (
              <Link
                key={runbook.id}
                href={`/admin/automation/steps?runbook=${runbook.id}`}
                className={runbook.id === runbookId ? "rounded bg-slate-900 px-2 py-0.5 text-white" : "rounded border border-slate-300 px-2 py-0.5"}
              >
                {runbook.title}
              </Link>
            ))}
          </nav>
        )}
        {!latest || !runbookId ? (
          <p className="mt-4 text-slate-600">The runbook library is empty: import a runbook first.</p>
        ) : (
          <>
            <p className="mt-1 text-slate-600">
              How each step of “{latest.model.title}” (version {latest.version}) runs in new incidents. A saved setting replaces what the runbook&apos;s commands map
              to; incidents already declared keep their steps.
            </p>
            {latest.model.scenarios.map((scenario) => {
              const scenarioSettings = settings.filter((setting) => setting.scenarioKey === scenario.key);
              return (
                <section key={scenario.key} data-testid="runbook-scenario" className="mt-6">
                  <h2 className="text-lg font-semibold">{scenario.title}</h2>
                  {scenario.phases.map((phase, phaseIndex) => (
                    <div key={phaseIndex} className="mt-3">
                      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{phase.title}</h3>
                      <ul className="mt-2 space-y-2">
                        {phase.steps.map((step, position) => {
                          const automation = resolveStepAutomation(step, phaseIndex, position, scenarioSettings);
                          const kind = isStepKind(automation.kind) ? automation.kind : "manual";
                          return (
                            <li key={position} data-testid="runbook-step" className="rounded-lg border border-slate-200 bg-white p-3">
                              <div className="flex flex-wrap items-center gap-2">
                                <span className="font-medium">{step.title}</span>
                                <span className="rounded bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800">{STEP_KIND_LABELS[kind]}</span>
                                {automation.dangerous && <span className="rounded bg-red-600 px-2 py-0.5 text-xs font-semibold text-white">Dangerous</span>}
                                <span className="text-xs text-slate-500">{automation.fromSetting ? "set by an admin" : "from the runbook"}</span>
                              </div>
                              <RunbookStepEditor
                                target={{ runbookId, scenarioKey: scenario.key, phaseIndex, position, stepTitle: step.title }}
                                initial={{ kind, params: automation.params, dangerous: automation.dangerous }}
                              />
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  ))}
                </section>
              );
            })}
          </>
        )}
      </main>
    </>
  );
}

async function findLatestVersion(runbookId: string): Promise<{ version: number; model: RunbookModel } | null> {
  const version = await getPrisma().runbookVersion.findFirst({ where: { runbookId }, orderBy: { version: "desc" }, select: { version: true, model: true } });
  return version ? { version: version.version, model: version.model as unknown as RunbookModel } : null;
}
