import { describe, expect, it } from "vitest";
import { changesRolesOf } from "./changes-roles-of";
import type { TimelineEvent } from "./events";

const base = { id: "e1", incidentId: "i1", seq: 2, version: 1, createdAt: "2026-12-04T10:00:00.000Z", actor: { id: "boss", name: "Boss" } };
const ana = { id: "ana", name: "Ana" };
const ben = { id: "ben", name: "Ben" };

describe("changesRolesOf", () => {
  it.each([
    [{ ...base, type: "role.assigned", payload: { role: "scribe", user: ana } }, true, false],
    [{ ...base, type: "role.removed", payload: { role: "operations", user: ana } }, true, false],
    [{ ...base, type: "command.handed_over", payload: { from: ana, to: ben } }, true, true],
    [{ ...base, type: "command.handed_over", payload: { from: null, to: ben } }, false, true],
    [{ ...base, type: "note.added", payload: { text: "ana" } }, false, false],
  ])("%#: Ana %s, Ben %s", (event, forAna, forBen) => {
    expect(changesRolesOf(event as TimelineEvent, "ana")).toBe(forAna);
    expect(changesRolesOf(event as TimelineEvent, "ben")).toBe(forBen);
  });
});
