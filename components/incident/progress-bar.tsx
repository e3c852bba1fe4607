export function ProgressBar({ completed, total, label }: { completed: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100);
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={completed} className="w-full">
      <div className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-emerald-500 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <div className="mt-1 text-xs text-slate-600">
        {completed} of {total} steps · {percent}%
      </div>
    </div>
  );
}
