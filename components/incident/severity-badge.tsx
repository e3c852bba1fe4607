const COLORS: Record<number, string> = {
  1: "bg-red-600 text-white",
  2: "bg-orange-500 text-white",
  3: "bg-amber-300 text-amber-950",
};

export function SeverityBadge({ level, label }: { level: number; label: string }) {
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ${COLORS[level] ?? "bg-slate-300 text-slate-900"}`}>
      SEV{level} · {label}
    </span>
  );
}
