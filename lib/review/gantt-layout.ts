// Geometry of the review's Gantt chart: steps as bars on a time axis from the declaration,
// phase time boxes as bands behind their steps, and a vertical line per RTO and at the
// resolution. Pure arithmetic, so the chart component only draws what this returns.
import type { StepState } from "../incident/step-state";
import type { ReviewMetrics } from "./compute-review-metrics";

const MINUTE_MS = 60_000;

export const GANTT_WIDTH = 960;
export const GANTT_LABEL_WIDTH = 260;
const RIGHT_PADDING = 24;
const TOP_PADDING = 68;
const ROW_HEIGHT = 22;
const BOTTOM_PADDING = 28;
/** Width of a bar whose step changed state only once, so it stays visible. */
const MIN_BAR_WIDTH = 3;
/** Estimated width of one character of a 10-pixel line label. */
const LABEL_CHARACTER_WIDTH = 5.6;
/** Room a line label needs to the right of its line. */
const RIGHT_LABEL_SPACE = 170;

export interface GanttBarSegment {
  state: StepState;
  x: number;
  width: number;
}

export interface GanttRow {
  kind: "phase" | "step";
  label: string;
  y: number;
  /** Steps only: the coloured segments and where the step ended. */
  segments: GanttBarSegment[];
  endMarker: { x: number; state: StepState } | null;
  finalState: StepState | null;
}

export interface GanttBand {
  label: string;
  x: number;
  width: number;
  y: number;
  height: number;
}

export interface GanttLine {
  kind: "rto" | "resolved";
  label: string;
  x: number;
  /** Vertical offset of the label, so lines at the same minute do not overprint. */
  labelRow: number;
  /** Labels near the right edge end at their line instead of starting there, so they stay inside the chart. */
  labelAnchor: "start" | "end";
}

export interface GanttLayout {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  maxMinutes: number;
  ticks: { x: number; label: string }[];
  rows: GanttRow[];
  bands: GanttBand[];
  lines: GanttLine[];
}

/** Lays out the chart for a review's metrics. */
export function layoutGantt(metrics: ReviewMetrics, phaseTitles: string[]): GanttLayout {
  const plotWidth = GANTT_WIDTH - GANTT_LABEL_WIDTH - RIGHT_PADDING;
  const maxMinutes = chooseAxisEnd(metrics);
  const xOf = (ms: number) => GANTT_LABEL_WIDTH + (Math.max(0, ms - metrics.declaredAtMs) / MINUTE_MS / maxMinutes) * plotWidth;
  const xOfMinute = (minute: number) => GANTT_LABEL_WIDTH + (minute / maxMinutes) * plotWidth;

  const rows: GanttRow[] = [];
  const bands: GanttBand[] = [];
  let y = TOP_PADDING;

  metrics.phases.forEach((phase, index) => {
    const phaseTop = y;
    rows.push({ kind: "phase", label: phaseTitles[index] ?? phase.title, y, segments: [], endMarker: null, finalState: null });
    y += ROW_HEIGHT;

    for (const step of metrics.steps.filter((candidate) => candidate.phaseIndex === index)) {
      const segments = step.segments.map((segment) => ({
        state: segment.state,
        x: xOf(segment.startMs),
        width: Math.max(MIN_BAR_WIDTH, xOf(segment.endMs) - xOf(segment.startMs)),
      }));
      const endMarker = step.endedAtMs !== null ? { x: xOf(step.endedAtMs), state: step.finalState } : null;
      rows.push({ kind: "step", label: step.title, y, segments, endMarker, finalState: step.finalState });
      y += ROW_HEIGHT;
    }

    if (phase.endMinute !== null) {
      const startMinute = phase.startMinute ?? 0;
      bands.push({
        label: `${startMinute}–${phase.endMinute} min`,
        x: xOfMinute(startMinute),
        width: xOfMinute(phase.endMinute) - xOfMinute(startMinute),
        y: phaseTop,
        height: y - phaseTop,
      });
    }
  });

  const lines: GanttLine[] = [];
  const rowExtents: [number, number][][] = [];
  const rtos = metrics.objectives.filter((candidate) => candidate.kind === "RTO").sort((a, b) => a.targetMinutes - b.targetMinutes);
  for (const objective of rtos) {
    const x = xOfMinute(objective.targetMinutes);
    const label = `RTO ${objective.name} ${objective.targetMinutes}m`;
    const labelAnchor = anchorFor(x);
    const width = label.length * LABEL_CHARACTER_WIDTH;
    const extent: [number, number] = labelAnchor === "end" ? [x - width, x] : [x, x + width];
    lines.push({ kind: "rto", label, x, labelRow: placeLabel(rowExtents, extent), labelAnchor });
  }
  if (metrics.resolvedAtMs !== null) {
    const x = xOf(metrics.resolvedAtMs);
    lines.push({ kind: "resolved", label: "Resolved", x, labelRow: 0, labelAnchor: anchorFor(x) });
  }

  const tickStep = chooseTickStep(maxMinutes);
  const ticks = [];
  for (let minute = 0; minute <= maxMinutes; minute += tickStep) {
    ticks.push({ x: xOfMinute(minute), label: `${minute}m` });
  }

  return { width: GANTT_WIDTH, height: y + BOTTOM_PADDING, plotTop: TOP_PADDING, plotBottom: y, maxMinutes, ticks, rows, bands, lines };
}

// Puts a label in the first row where it overlaps no other label, opening a new row if needed.
function placeLabel(rowExtents: [number, number][][], extent: [number, number]): number {
  let row = rowExtents.findIndex((taken) => taken.every(([start, end]) => extent[1] + 4 < start || extent[0] > end + 4));
  if (row === -1) {
    row = rowExtents.length;
    rowExtents.push([]);
  }
  rowExtents[row].push(extent);
  return row;
}

function anchorFor(x: number): "start" | "end" {
  return x > GANTT_WIDTH - RIGHT_LABEL_SPACE ? "end" : "start";
}

// The axis reaches past the resolution, the last RTO and the last time box, rounded up to a tick.
function chooseAxisEnd(metrics: ReviewMetrics): number {
  const candidates = [5];
  if (metrics.timeToResolveMs !== null) candidates.push(metrics.timeToResolveMs / MINUTE_MS);
  for (const objective of metrics.objectives) if (objective.kind === "RTO") candidates.push(objective.targetMinutes);
  for (const phase of metrics.phases) if (phase.endMinute !== null) candidates.push(phase.endMinute);
  for (const step of metrics.steps) {
    for (const segment of step.segments) candidates.push((segment.endMs - metrics.declaredAtMs) / MINUTE_MS);
    if (step.endedAtMs !== null) candidates.push((step.endedAtMs - metrics.declaredAtMs) / MINUTE_MS);
  }
  const end = Math.max(...candidates) * 1.05;
  const step = chooseTickStep(end);
  return Math.ceil(end / step) * step;
}

function chooseTickStep(minutes: number): number {
  for (const step of [1, 5, 10, 15, 30, 60, 120, 240, 720, 1440]) {
    if (minutes / step <= 12) return step;
  }
  return 2880;
}
