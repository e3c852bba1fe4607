import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { MarkReviewedButton } from "@/components/runbook/mark-reviewed-button";
import { ReviewBadge } from "@/components/runbook/review-badge";
import { RunbookEditor } from "@/components/runbook/runbook-editor";
import { RunbookPreview } from "@/components/runbook/runbook-preview";
import { RunbookFeedbackList } from "@/components/review/runbook-feedback-list";
import { VersionDiff } from "@/components/runbook/version-diff";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { listStepFeedback } from "@/lib/review/list-step-feedback";
import { diffRunbookModels } from "@/lib/runbook/diff-runbook-models";
import { listRunbookLibrary, loadVersionModels } from "@/lib/runbook/list-runbook-library";
import { REVIEW_INTERVAL_DAYS } from "@/lib/runbook/review-age";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string; saved?: string }>;
}

export default async function RunbookPage({ params, searchParams }: PageProps) {
  const user = await requireUser();
  if (!can(user.role, "runbook.manage")) redirect("/incidents");

  const { id } = await params;
  const query = await searchParams;
  const prisma = getPrisma();
  const runbook = (await listRunbookLibrary(prisma)).find((candidate) => candidate.id === id);
  if (!runbook) notFound();

  const latest = await prisma.runbookVersion.findUniqueOrThrow({ where: { id: runbook.latest.id }, select: { source: true } });
  const newestNumber = runbook.latest.version;
  const from = Number(query.from ?? newestNumber - 1);
  const to = Number(query.to ?? newestNumber);
  const models = runbook.versions.length > 1 ? await loadVersionModels(prisma, runbook.id, [from, to]) : null;

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl space-y-8 px-6 py-8">
        <div>
          <Link href="/runbooks" className="text-sm text-slate-600 hover:underline">
            ← Runbook library
          </Link>
          <h1 className="mt-2 text-2xl font-semibold">{runbook.title}</h1>
          {query.saved && (
            <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              Saved as version {query.saved}.
            </p>
          )}
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <span>Last reviewed:</span>
            <ReviewBadge review={runbook.review} />
            <MarkReviewedButton runbookId={runbook.id} />
            <span className="text-slate-500">Runbooks are due for review every {REVIEW_INTERVAL_DAYS} days.</span>
          </div>
          {can(user.role, "automation.configure") && (
            <p className="mt-2 text-sm">
              <Link href={`/admin/automation/steps?runbook=${runbook.id}`} className="text-slate-700 underline">
                Step kinds and approvals
              </Link>{" "}
              sets which steps run as checks or commands and which need a second commander&apos;s approval.
            </p>
          )}
        </div>

        <section>
          <h2 className="mb-2 text-lg font-semibold">Versions</h2>
          <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600">
              <tr>
                <th className="px-3 py-2">Version</th>
                <th className="px-3 py-2">Imported</th>
                <th className="px-3 py-2">SHA-256</th>
                <th className="px-3 py-2">Incidents declared from it</th>
              </tr>
            </thead>
            <tbody>
              {runbook.versions.map((version) => (
                <tr key={version.id} data-testid="version-row" className="border-t border-slate-100">
                  <td className="px-3 py-2">v{version.version}</td>
                  <td className="px-3 py-2">{version.importedAt.slice(0, 16).replace("T", " ")} UTC</td>
                  <td className="px-3 py-2 font-mono text-xs">{version.sha256.slice(0, 12)}</td>
                  <td className="px-3 py-2">{version.incidentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        {runbook.versions.length > 1 && (
          <section>
            <h2 className="mb-2 text-lg font-semibold">Changes between versions</h2>
            <form className="mb-3 flex items-end gap-2 text-sm">
              <VersionSelect label="From" name="from" value={from} versions={runbook.versions.map((version) => version.version)} />
              <VersionSelect label="To" name="to" value={to} versions={runbook.versions.map((version) => version.version)} />
              <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
                Compare
              </button>
            </form>
            {models ? <VersionDiff diff={diffRunbookModels(models[0], models[1])} from={from} to={to} /> : <p className="text-sm text-slate-600">Pick two versions of this runbook.</p>}
          </section>
        )}

        <section>
          <h2 className="mb-2 text-lg font-semibold">Feedback from post-incident reviews</h2>
          <RunbookFeedbackList feedback={(await listStepFeedback(prisma, { runbookId: runbook.id }))[0]?.feedback ?? []} />
        </section>

        <section>
          <h2 className="mb-2 text-lg font-semibold">Edit after import</h2>
          <p className="mb-3 text-sm text-slate-600">
            Set what the text could not say. Edits apply to version {newestNumber} and carry over to later imports; incidents keep the plan they were declared with.
          </p>
          <RunbookEditor runbookVersionId={runbook.latest.id} model={runbook.latest.model} />
        </section>

        <section>
          <h2 className="mb-2 text-lg font-semibold">Version {newestNumber} with its edits</h2>
          <RunbookPreview model={runbook.latest.model} source={latest.source} />
        </section>
      </main>
    </>
  );
}

function VersionSelect({ label, name, value, versions }: { label: string; name: string; value: number; versions: number[] }) {
  return (
    <label>
      <span className="block text-slate-700">{label}</span>
      <select name={name} defaultValue={String(value)} className="rounded border border-slate-300 px-2 py-1">
        {versions.map((version) => (
          <option key={version} value={version}>
            v{version}
          </option>
        ))}
      </select>
    </label>
  );
}
