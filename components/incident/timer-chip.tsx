import type { PhaseStatus } from "@/lib/timers/timer-status";

const STYLES: Record<PhaseStatus, { label: string; className: string }> = {
  upcoming: { label: "Upcoming", className: "bg-slate-100 text-slate-600" },
  on_track: { label: "On track", className: "bg-emerald-100 text-emerald-800" },
  at_risk: { label: "At risk", className: "bg-amber-100 text-amber-900" },
  overdue: { label: "Overdue", className: "bg-red-600 text-white" },
  met: { label: "Met", className: "bg-emerald-600 text-white" },
  missed: { label: "Missed", className: "bg-red-100 text-red-800" },
  no_time_box: { label: "No time box", className: "bg-slate-100 text-slate-500" },
  incomplete: { label: "Not finished", className: "bg-slate-200 text-slate-700" },
};

export function TimerChip({ status }: { status: PhaseStatus }) {
  const style = STYLES[status];
  return (
    <span data-testid="timer-status" data-status={status} className={`rounded px-2 py-0.5 text-xs font-semibold ${style.className}`}>
      {style.label}
    </span>
  );
}
