// The review's Gantt chart as plain SVG. It renders on the server, so the page prints it without
// running any script, and the shapes carry test ids for the end-to-end test.
import type { StepState } from "@/lib/incident/step-state";
import { STEP_STATE_LABELS } from "@/lib/incident/step-state";
import type { GanttLayout } from "@/lib/review/gantt-layout";

const SEGMENT_FILL: Partial<Record<StepState, string>> = {
  in_progress: "#0284c7",
  blocked: "#f59e0b",
};

const END_FILL: Record<StepState, string> = {
  pending: "#94a3b8",
  in_progress: "#0284c7",
  blocked: "#f59e0b",
  done: "#059669",
  skipped: "#64748b",
  failed: "#dc2626",
};

const ROW_HEIGHT = 22;
const BAR_HEIGHT = 12;

export function GanttChart({ layout, title }: { layout: GanttLayout; title: string }) {
  return (
    <figure className="gantt-chart overflow-x-auto">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={title}
        data-testid="gantt-chart"
        className="min-w-[720px] font-sans"
      >
        <title>{title}</title>

        {layout.bands.map((band) => (
          <g key={`${band.y}-${band.x}`} data-testid="phase-box">
            <rect x={band.x} y={band.y} width={band.width} height={band.height} fill="#eef2ff" stroke="#a5b4fc" strokeDasharray="4 2" />
            <text x={band.x + band.width - 4} y={band.y + 14} textAnchor="end" fontSize="10" fill="#4338ca">
              box {band.label}
            </text>
          </g>
        ))}

        {layout.ticks.map((tick) => (
          <g key={tick.x}>
            <line x1={tick.x} x2={tick.x} y1={layout.plotTop} y2={layout.plotBottom} stroke="#e2e8f0" />
            <text x={tick.x} y={layout.plotBottom + 16} textAnchor="middle" fontSize="10" fill="#475569">
              {tick.label}
            </text>
          </g>
        ))}

        {layout.rows.map((row) =>
          row.kind === "phase" ? (
            <text key={`phase-${row.y}`} x={4} y={row.y + 15} fontSize="12" fontWeight="600" fill="#0f172a">
              {row.label}
            </text>
          ) : (
            <g key={`step-${row.y}`} data-testid="gantt-bar" data-step={row.label} data-state={row.finalState ?? undefined}>
              <text x={16} y={row.y + 15} fontSize="11" fill="#334155">
                {truncate(row.label, 38)}
              </text>
              {row.segments.map((segment, index) => (
                <rect
                  key={index}
                  x={segment.x}
                  y={row.y + (ROW_HEIGHT - BAR_HEIGHT) / 2}
                  width={segment.width}
                  height={BAR_HEIGHT}
                  rx={2}
                  fill={SEGMENT_FILL[segment.state] ?? "#94a3b8"}
                >
                  <title>{`${row.label}: ${STEP_STATE_LABELS[segment.state]}`}</title>
                </rect>
              ))}
              {row.endMarker && (
                <rect
                  x={row.endMarker.x - 4}
                  y={row.y + (ROW_HEIGHT - BAR_HEIGHT) / 2 - 1}
                  width={8}
                  height={BAR_HEIGHT + 2}
                  fill={END_FILL[row.endMarker.state]}
                  stroke="#0f172a"
                  strokeWidth={0.5}
                >
                  <title>{`${row.label}: ${STEP_STATE_LABELS[row.endMarker.state]}`}</title>
                </rect>
              )}
            </g>
          ),
        )}

        {layout.lines.map((line) => (
          <g key={`${line.kind}-${line.label}`} data-testid={line.kind === "rto" ? "rto-line" : "resolved-line"}>
            <line
              x1={line.x}
              x2={line.x}
              y1={layout.plotTop - 4}
              y2={layout.plotBottom}
              stroke={line.kind === "rto" ? "#dc2626" : "#0f172a"}
              strokeWidth={line.kind === "rto" ? 1.5 : 2}
              strokeDasharray={line.kind === "rto" ? "6 3" : undefined}
            />
            <text
              x={line.labelAnchor === "end" ? line.x - 3 : line.x + 3}
              y={line.kind === "rto" ? 12 + line.labelRow * 12 : layout.plotTop - 8}
              textAnchor={line.labelAnchor}
              fontSize="10"
              fill={line.kind === "rto" ? "#b91c1c" : "#0f172a"}
            >
              {line.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <Legend color={SEGMENT_FILL.in_progress!} label="In progress" />
        <Legend color={SEGMENT_FILL.blocked!} label="Blocked" />
        <Legend color={END_FILL.done} label="Done" />
        <Legend color={END_FILL.skipped} label="Skipped" />
        <Legend color={END_FILL.failed} label="Failed" />
        <span>
          <span className="mr-1 inline-block w-5 border-t-2 border-dashed border-red-600 align-middle" />
          RTO
        </span>
        <span>
          <span className="mr-1 inline-block h-3 w-5 border border-dashed border-indigo-300 bg-indigo-50 align-middle" />
          Phase time box
        </span>
      </figcaption>
    </figure>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <span>
      <span className="mr-1 inline-block h-3 w-3 rounded-sm align-middle" style={{ backgroundColor: color }} />
      {label}
    </span>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
