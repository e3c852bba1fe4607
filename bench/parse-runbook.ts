// Measures how long the Markdown importer takes for a 1 MB runbook, and how the time grows from
// 100 KB to 1 MB. The input is the sample runbook and the importer's fixtures repeated, with
// scenario titles numbered so every copy is a scenario of its own. Prints the median, p95 and
// maximum of 15 parses after 3 warm-up parses.
import { readFixtures } from "../lib/runbook/fixtures/read-fixtures";
import { parseRunbook } from "../lib/runbook/parse-runbook";
import { readSampleRunbook } from "../lib/runbook/sample-runbook";

const RUNS = 15;
const WARM_UP_RUNS = 3;

function buildRunbook(targetBytes: number): string {
  const parts = [readSampleRunbook(), ...readFixtures()];
  let text = "";

  for (let copy = 0; Buffer.byteLength(text) < targetBytes; copy++) {
    const part = parts[copy % parts.length].replace(/^---[\s\S]*?\n---\n|^\+\+\+[\s\S]*?\n\+\+\+\n/u, "");

    text += `${part.replace(/Scenario( \d+)?:/giu, `Scenario ${copy}:`)}\n\n`;
  }

  return text;
}

/**
 * Parses `text` repeatedly and returns the sorted wall-clock times and the sorted CPU times
 * (user and system, all threads of the process) in ms. CPU time leaves out time spent waiting
 * for other processes, so it is the steadier figure on a shared machine.
 */
function measure(text: string): { wall: number[]; cpu: number[] } {
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    parseRunbook(text);
  }

  const wall: number[] = [];
  const cpu: number[] = [];

  for (let run = 0; run < RUNS; run++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    parseRunbook(text);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }

  const ascending = (left: number, right: number) => left - right;

  return { wall: wall.sort(ascending), cpu: cpu.sort(ascending) };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const small = buildRunbook(100_000);
const large = buildRunbook(1_000_000);
const model = parseRunbook(large);
const steps = model.scenarios.flatMap((scenario) => scenario.phases).reduce((sum, phase) => sum + phase.steps.length, 0);
const smallTimes = measure(small);
const largeTimes = measure(large);
const median = (times: number[]) => percentile(times, 0.5);

console.log(`input: ${Buffer.byteLength(large)} bytes, ${large.split("\n").length} lines, ${model.scenarios.length} scenarios, ${steps} steps`);
console.log(
  `1 MB parse: median ${median(largeTimes.wall).toFixed(0)} ms, p95 ${percentile(largeTimes.wall, 0.95).toFixed(0)} ms, max ${largeTimes.wall[RUNS - 1].toFixed(0)} ms; CPU time median ${median(largeTimes.cpu).toFixed(0)} ms (${RUNS} runs)`,
);
console.log(
  `100 KB parse: median ${median(smallTimes.wall).toFixed(1)} ms, CPU time median ${median(smallTimes.cpu).toFixed(1)} ms; 1 MB / 100 KB = ${(median(largeTimes.wall) / median(smallTimes.wall)).toFixed(1)}x`,
);
