import { redirect } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { DeclareForm, type DeclareFormRunbook } from "@/components/incident/declare-form";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { RunbookPicker } from "@/components/incident/runbook-picker";
import { listSeverities } from "@/lib/runbook/default-severities";
import { listLatestRunbooks } from "@/lib/runbook/list-latest-runbooks";

export const dynamic = "force-dynamic";

export default async function DeclareIncidentPage({ searchParams }: { searchParams: Promise<{ runbook?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "incident.declare")) redirect("/incidents");

  // The oldest runbook, which is the sample on a fresh install, is the default.
  const runbooks = await listLatestRunbooks(getPrisma());
  const { runbook: requested } = await searchParams;
  const latest = runbooks.find((candidate) => candidate.runbookVersionId === requested) ?? runbooks[0];

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Declare an incident</h1>
        {latest ? (
          <>
            <RunbookPicker
              selected={latest.runbookVersionId}
              runbooks={runbooks.map((candidate) => ({ runbookVersionId: candidate.runbookVersionId, title: candidate.model.title, version: candidate.version }))}
            />
            <DeclareForm key={latest.runbookVersionId} runbook={toFormRunbook(latest.runbookVersionId, latest.model)} />
          </>
        ) : (
          <p className="mt-4 text-slate-600">The runbook library is empty: import a runbook first.</p>
        )}
      </main>
    </>
  );
}

function toFormRunbook(runbookVersionId: string, model: Awaited<ReturnType<typeof listLatestRunbooks>>[number]["model"]): DeclareFormRunbook {
  return {
    runbookVersionId,
    title: model.title,
    severities: listSeverities(model).map(({ level, title, label, criteria }) => ({ level, title, label, criteria })),
    scenarios: model.scenarios.map((scenario) => ({
      key: scenario.key,
      title: scenario.title,
      phaseCount: scenario.phases.length,
      stepCount: scenario.phases.reduce((sum, phase) => sum + phase.steps.length, 0),
    })),
  };
}
