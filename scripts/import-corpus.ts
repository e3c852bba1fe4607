// Imports every Markdown file in a folder and prints one table row per file: scenarios, phases,
// steps, commands, objectives and warnings. Usage:
//   node --import tsx scripts/import-corpus.ts [folder]   (default ../shared/runbooks/corpus)
// Add --verbose to print each file's scenarios, phases and warnings as well.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { decodeRunbookFile } from "../lib/runbook/decode-runbook-file";
import { parseRunbook } from "../lib/runbook/parse-runbook";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const folder = path.resolve(args.find((arg) => !arg.startsWith("--")) ?? "../shared/runbooks/corpus");
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".md"))
  .sort();

console.log("| file | scenarios | phases | steps | commands | objectives | warnings |");
console.log("|---|---|---|---|---|---|---|");

for (const name of files) {
  const decoded = decodeRunbookFile(readFileSync(path.join(folder, name)));

  if (!decoded.ok) {
    console.log(`| ${name} | rejected: ${decoded.message} | | | | | |`);
    continue;
  }

  const model = parseRunbook(decoded.text);
  const phases = model.scenarios.flatMap((scenario) => scenario.phases);
  const steps = phases.flatMap((phase) => phase.steps);
  const commands = steps.reduce((sum, step) => sum + step.commands.length, 0);

  console.log(
    `| ${name} | ${model.scenarios.length} | ${phases.length} | ${steps.length} | ${commands} | ${model.objectives.length} | ${model.warnings.length} |`,
  );

  if (verbose) {
    for (const scenario of model.scenarios) {
      console.log(`    scenario ${scenario.line} "${scenario.title}"`);

      for (const phase of scenario.phases) {
        console.log(`      phase ${phase.line} "${phase.title}" [${phase.startMinute}, ${phase.endMinute}] steps=${phase.steps.length}`);

        for (const step of phase.steps) {
          console.log(`        step ${step.line} "${step.title.slice(0, 80)}" commands=${step.commands.length} substeps=${step.substeps?.length ?? 0}${step.owner ? ` owner=${step.owner}` : ""}`);
        }
      }
    }

    for (const warning of model.warnings) {
      console.log(`    warning ${warning.line}: ${warning.message}`);
    }
  }
}
