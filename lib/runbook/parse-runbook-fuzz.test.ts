import v8 from "node:v8";
import vm from "node:vm";

import { describe, expect, it } from "vitest";

import { readFixtures } from "./fixtures/read-fixtures";
import { parseRunbook } from "./parse-runbook";
import { readSampleRunbook } from "./sample-runbook";

const seeds = [readSampleRunbook(), ...readFixtures()];

// Fragments that start or end Markdown constructs, so mutations open fences, lists, tables,
// quotes, HTML and front matter in unexpected places.
const FRAGMENTS = [
  "```", "~~~~", "```bash\n", "\n", "\r\n", "\r", "- [ ] ", "* [x] ", "1. ", "1) ", "   ", "    ", "\t", "# ", "###### ",
  "| a | b |\n|---|---|\n", "> ", "<!-- ", "-->", "<div>", "**", "_", "`", "[", "](", "---\n", "+++\n", "!!! note\n", ":::tip\n",
  "(0-5 minutes)", "T+5", "< 10 min", "0–2 hours", "5-15 分钟", "RTO: 1h", "SEV1: ", "Owner: ", "$ ", "# Step 1: ",
  "\uFEFF", "\u0000", "Ã©", "üö®", "\uD800", "1️⃣", "{{ X }}", "Scenario 1: ",
];

/** Mulberry32: a small seeded generator, so a failing mutation can be reproduced from its seed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, random: () => number): string {
  let result = text;
  const operations = 1 + Math.floor(random() * 4);

  for (let count = 0; count < operations; count++) {
    const at = Math.floor(random() * (result.length + 1));
    const length = Math.floor(random() * 40);

    switch (Math.floor(random() * 5)) {
      case 0:
        result = result.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + result.slice(at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(at + length);
        break;
      case 2:
        result = result.slice(0, at) + result.slice(at, at + length).repeat(2) + result.slice(at + length);
        break;
      case 3: {
        const lines = result.split("\n");
        const index = Math.floor(random() * lines.length);
        lines[index] = " ".repeat(Math.floor(random() * 6)) + lines[index].trimStart();
        result = lines.join("\n");
        break;
      }
      default:
        result = result.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + result.slice(at);
    }
  }

  return result;
}

/** Collects every `line` number anywhere in the model. */
function collectLines(value: unknown, lines: number[] = []): number[] {
  if (Array.isArray(value)) {
    for (const item of value) collectLines(item, lines);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "line" && typeof child === "number") {
        lines.push(child);
      } else {
        collectLines(child, lines);
      }
    }
  }

  return lines;
}

function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/u).length;
}

describe("parseRunbook fuzzing", () => {
  it("survives 3000 mutations with valid lines", () => {
    const failures: string[] = [];

    for (let seed = 1; seed <= 3000; seed++) {
      const random = createRandom(seed);
      const text = mutate(seeds[seed % seeds.length], random);

      try {
        const model = parseRunbook(text);
        const lineCount = countLines(text);
        const outside = collectLines(model).filter((line) => !Number.isInteger(line) || line < 1 || line > lineCount);

        if (outside.length > 0) {
          failures.push(`seed ${seed}: lines ${outside.join(", ")} outside 1..${lineCount}`);
        }
      } catch (error) {
        failures.push(`seed ${seed}: ${String(error)}`);
      }
    }

    expect(failures).toEqual([]);
  });
});

// Exposes V8's gc() to this file, so each timed parse starts from a collected heap.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

describe("parseRunbook scaling", () => {
  // Inputs that make naive parsers quadratic: unclosed fences, deep lists, emphasis and brackets.
  const patterns = [
    seeds.join("\n\n"),
    "```\nx\n\n~~~\ny\n\n",
    "- a\n  - b\n    - c\n      - d\n",
    "**a _b [c `d ",
    "[[[[ ((( <div> <!-- ",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "> - [ ] quoted\n>\n",
    "1. step\n```\ncode\n",
  ];

  /**
   * Returns the least CPU time (user and system, in ms) of several parses. CPU time leaves out
   * time spent waiting for other processes on a shared machine, and the minimum leaves out
   * garbage collection pauses that happen to fall in one run.
   */
  function leastCpuTime(text: string, runs: number): number {
    let least = Number.POSITIVE_INFINITY;

    for (let run = 0; run < runs; run++) {
      collectGarbage();
      const start = process.cpuUsage();
      parseRunbook(text);
      const used = process.cpuUsage(start);
      least = Math.min(least, (used.user + used.system) / 1000);
    }

    return least;
  }

  // NOTE: a timing ratio on a shared machine is noisy even in CPU time, and garbage collection
  // grows a little faster than the heap: 10x inputs measured 10x to 30x here while other test
  // files ran. The bound of 50x still fails for quadratic growth (about 100x). The small
  // input's time counts as at least 5 ms, so timer resolution cannot inflate the ratio.
  it.each(patterns.map((pattern, index) => [index, pattern]))("grows linearly for pattern %i", (_, pattern) => {
    const small = pattern.repeat(Math.ceil(50_000 / pattern.length));
    const large = pattern.repeat(Math.ceil(500_000 / pattern.length));

    // The first runs are slower while V8 optimizes the parser, so both sizes run once first.
    parseRunbook(large);
    parseRunbook(small);
    const ratio = leastCpuTime(large, 3) / Math.max(leastCpuTime(small, 5), 5);

    expect(ratio).toBeLessThan(50);
  });
});
