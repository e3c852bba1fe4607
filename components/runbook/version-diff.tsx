import type { RunbookDiff, StepChange } from "@/lib/runbook/diff-runbook-models";

/** Lists the steps added, removed and changed between two runbook versions. */
export function VersionDiff({ diff, from, to }: { diff: RunbookDiff; from: number; to: number }) {
  const total = diff.added.length + diff.removed.length + diff.changed.length;

  if (total === 0) {
    return <p className="text-sm text-slate-600">No step differs between v{from} and v{to}.</p>;
  }

  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="version-diff">
      <ChangeList title={`Added in v${to}`} changes={diff.added} tone="text-emerald-800" />
      <ChangeList title={`Removed since v${from}`} changes={diff.removed} tone="text-red-800" />
      <ChangeList title="Changed" changes={diff.changed} tone="text-amber-900" />
    </div>
  );
}

function ChangeList({ title, changes, tone }: { title: string; changes: StepChange[]; tone: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label={title}>
      <h3 className={`font-semibold ${tone}`}>
        {title} ({changes.length})
      </h3>
      <ul className="mt-1 space-y-1">
        {changes.map((change, index) => (
          <li key={`${change.line}-${index}`}>
            <span className="font-medium">{change.title}</span>
            <span className="text-slate-500">
              {" "}
              · {change.scenario} › {change.phase} · line {change.line}
              {change.fields ? ` · ${change.fields.join(", ")}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
