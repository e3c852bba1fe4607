import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import { getStartLine } from "./get-start-line";
import type { ImportWarning, RecoveryObjective } from "./model";
import { parseDuration } from "./parse-duration";
import { readKeyValue } from "./read-key-value";
import { readPlainText } from "./read-plain-text";
import { slugifyText } from "./slugify-text";

const RTO_HEADING = /\bRTO\b|recovery time objective/iu;
const RPO_HEADING = /\bRPO\b|recovery point objective/iu;

/**
 * Reads "**Name:** duration" list items under headings that name recovery time objectives
 * (RTO) or recovery point objectives (RPO). An item without a readable duration is skipped
 * with a warning. Keys are unique within each kind.
 */
export function readObjectives(sections: Section[], warnings: ImportWarning[]): RecoveryObjective[] {
  const objectives: RecoveryObjective[] = [];
  const takenKeys = { RTO: new Set<string>(), RPO: new Set<string>() };

  for (const section of sections) {
    const kind = RTO_HEADING.test(section.title) ? "RTO" : RPO_HEADING.test(section.title) ? "RPO" : null;

    if (kind === null) {
      continue;
    }

    for (const item of collectListItems(section.content)) {
      const firstBlock = item.children[0];
      const pair = firstBlock?.type === "paragraph" ? readKeyValue(firstBlock.children) : null;
      const minutes = pair === null ? null : parseDuration(pair.value);
      const line = getStartLine(item);

      if (pair === null || minutes === null) {
        warnings.push({
          line,
          message: `${kind} item "${readPlainText(item)}" was skipped. Expected "**Name:** duration", for example "**Database Restore:** 15 minutes".`,
        });
        continue;
      }

      objectives.push({
        kind,
        key: slugifyText(pair.key, takenKeys[kind]),
        name: pair.key,
        minutes,
        line,
      });
    }
  }

  return objectives;
}
