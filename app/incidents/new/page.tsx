import { redirect } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { DeclareForm, type DeclareFormRunbook } from "@/components/incident/declare-form";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { listLatestRunbooks } from "@/lib/runbook/list-latest-runbooks";

export const dynamic = "force-dynamic";

export default async function DeclareIncidentPage() {
  const user = await requireUser();
  if (!can(user.role, "incident.declare")) redirect("/incidents");

  const [latest] = await listLatestRunbooks(getPrisma());

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl px-6 py-8">
        <h1 className="text-2xl font-semibold">Declare an incident</h1>
        {latest ? (
          <>
            <p className="mb-6 mt-1 text-slate-600">From the runbook “{latest.model.title}”, version {latest.version}.</p>
            <DeclareForm runbook={toFormRunbook(latest.runbookVersionId, latest.model)} />
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
    severities: model.severities.map(({ level, title, label, criteria }) => ({ level, title, label, criteria })),
    scenarios: model.scenarios.map((scenario) => ({
      key: scenario.key,
      title: scenario.title,
      phaseCount: scenario.phases.length,
      stepCount: scenario.phases.reduce((sum, phase) => sum + phase.steps.length, 0),
    })),
  };
}
