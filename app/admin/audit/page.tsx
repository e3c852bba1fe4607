import Link from "next/link";
import { AppHeader } from "@/app/_components/app-header";
import { pageAllows, requireUser } from "@/app/_lib/session";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/audit-actions";
import { auditFilterInput, listAuditEntries, type AuditEntryView } from "@/lib/audit/list-audit-entries";
import { getPrisma } from "@/lib/db/database";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const allowed = await pageAllows(user, "audit.view", "page /admin/audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = auditFilterInput.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const result = allowed && parsed.success ? await listAuditEntries(getPrisma(), filter) : null;

  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">
        <h1 className="mb-6 text-2xl font-semibold">Audit log</h1>
        {!allowed ? (
          <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-red-800">
            Only admins read the audit log. Your role is {user.role}.
          </p>
        ) : (
          <>
            <form method="get" aria-label="Filter audit log" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-[12rem_1fr_1fr_10rem_10rem_auto] md:items-end">
              <label className="block">
                <span className="font-medium text-slate-700">What</span>
                <select name="action" defaultValue={raw.action ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">
                  <option value="">Everything</option>
                  {AUDIT_ACTIONS.map((action) => (
                    <option key={action} value={action}>
                      {AUDIT_ACTION_LABELS[action]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block">
                <span className="font-medium text-slate-700">Email contains</span>
                <input name="email" defaultValue={raw.email ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
              <label className="block">
                <span className="font-medium text-slate-700">Incident id</span>
                <input name="incidentId" defaultValue={raw.incidentId ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
              <label className="block">
                <span className="font-medium text-slate-700">From (UTC)</span>
                <input type="date" name="from" defaultValue={raw.from ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
              <label className="block">
                <span className="font-medium text-slate-700">To (UTC)</span>
                <input type="date" name="to" defaultValue={raw.to ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 font-medium text-white">
                Filter
              </button>
            </form>

            {!parsed.success && (
              <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                The filter is invalid: {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(" ")}
              </p>
            )}

            {result && <AuditTable entries={result.entries} />}
            {result?.nextBefore && (
              <Link href={`/admin/audit?${new URLSearchParams({ ...definedEntries(raw), before: result.nextBefore })}`} className="mt-4 inline-block text-sm text-slate-700 underline">
                Older entries
              </Link>
            )}
          </>
        )}
      </main>
    </>
  );
}

function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">No audit entries match this filter.</p>;
  }
  return (
    <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
      <thead className="bg-slate-100 text-xs uppercase text-slate-600">
        <tr>
          <th className="px-3 py-2">Time (UTC)</th>
          <th className="px-3 py-2">What</th>
          <th className="px-3 py-2">Who</th>
          <th className="px-3 py-2">Affected user</th>
          <th className="px-3 py-2">Incident</th>
          <th className="px-3 py-2">Address</th>
          <th className="px-3 py-2">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-testid="audit-row" data-action={entry.action} className="border-t border-slate-100 align-top">
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{entry.at.slice(0, 19).replace("T", " ")}</td>
            <td className="px-3 py-2">{isAuditAction(entry.action) ? AUDIT_ACTION_LABELS[entry.action] : entry.action}</td>
            <td className="px-3 py-2">{describeActor(entry)}</td>
            <td className="px-3 py-2">{entry.targetEmail ?? "—"}</td>
            <td className="px-3 py-2">
              {entry.incidentId ? (
                <Link href={`/incidents/${entry.incidentId}`} className="underline">
                  {entry.incidentId.slice(0, 10)}…
                </Link>
              ) : (
                "—"
              )}
            </td>
            <td className="px-3 py-2">{entry.address ?? "—"}</td>
            <td className="px-3 py-2 font-mono text-xs text-slate-600">{formatDetails(entry.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describeActor(entry: AuditEntryView): string {
  if (entry.actorEmail) return entry.actorEmail;
  if (entry.details.caller === "share") return "share link";
  if (entry.address === "command line") return "command line";
  return "—";
}

function formatDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
}

function definedEntries(raw: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => Boolean(entry[1]) && entry[0] !== "before"));
}
