import type { Table } from "mdast";

import type { Section } from "./build-section-tree";
import { collectListItems } from "./collect-list-items";
import { flattenSections } from "./flatten-sections";
import { getStartLine } from "./get-start-line";
import type { Contact, ImportWarning } from "./model";
import { readKeyValue } from "./read-key-value";
import { readPlainText } from "./read-plain-text";
import { readTable } from "./read-table";

const CONTACTS_HEADING = /\bcontacts?\b/iu;

/**
 * Reads the list items under every heading that mentions "contact" or "contacts", including
 * the items under its sub-headings. Each contact's group is the heading it is listed under.
 * An item written as "**Role:** value" gives both fields. Any other item is kept with an empty
 * role and a warning, because a half-written contact is still useful during an incident.
 * In a table under such a heading, each row is a contact: the first column is the role and the
 * other cells are the value.
 */
export function readContacts(sections: Section[], warnings: ImportWarning[]): Contact[] {
  const contacts: Contact[] = [];
  const readSections = new Set<Section>();

  for (const section of sections) {
    if (readSections.has(section) || !CONTACTS_HEADING.test(section.title)) {
      continue;
    }

    for (const group of flattenSections(section)) {
      readSections.add(group);

      for (const node of group.content) {
        if (node.type === "table") {
          contacts.push(...readContactTable(node, group.title));
        }
      }

      for (const item of collectListItems(group.content)) {
        const firstBlock = item.children[0];
        const pair = firstBlock?.type === "paragraph" ? readKeyValue(firstBlock.children) : null;
        const line = getStartLine(item);

        if (pair !== null) {
          contacts.push({ group: group.title, role: pair.key, value: pair.value, line });
          continue;
        }

        const value = readPlainText(item);

        if (value === "") {
          continue;
        }

        contacts.push({ group: group.title, role: "", value, line });
        warnings.push({
          line,
          message: `Contact "${value}" under "${group.title}" has no role. Write it as "**Role:** contact".`,
        });
      }
    }
  }

  return contacts;
}

function readContactTable(table: Table, group: string): Contact[] {
  return readTable(table).rows.flatMap((row) => {
    const [role = "", ...rest] = row.cells;
    const value = rest.filter((cell) => cell !== "").join(" · ");

    return value === "" ? [] : [{ group, role, value, line: row.line }];
  });
}
