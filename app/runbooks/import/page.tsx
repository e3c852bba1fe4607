import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/app/_components/app-header";
import { requireUser } from "@/app/_lib/session";
import { ImportForm } from "@/components/runbook/import-form";
import { can } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/database";
import { MAX_RUNBOOK_BYTES } from "@/lib/runbook/decode-runbook-file";
import { listRunbookLibrary } from "@/lib/runbook/list-runbook-library";

export const dynamic = "force-dynamic";

export default async function ImportRunbookPage() {
  const user = await requireUser();
  if (!can(user.role, "runbook.manage")) redirect("/incidents");

  const runbooks = await listRunbookLibrary(getPrisma());

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl px-6 py-8">
        <Link href="/runbooks" className="text-sm text-slate-600 hover:underline">
          ← Runbook library
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Import a runbook</h1>
        <p className="mb-6 mt-1 text-slate-600">
          Markdown in any style, up to {MAX_RUNBOOK_BYTES / (1024 * 1024)} MiB. Check the preview before saving: every step shows the source line it came from.
        </p>
        <ImportForm targets={runbooks.map((runbook) => ({ id: runbook.id, title: runbook.title, slug: runbook.slug, version: runbook.latest.version }))} />
      </main>
    </>
  );
}
