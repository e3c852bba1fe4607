"use server";

import { defineAction } from "@/app/_lib/action-client";
import { addNote, addNoteInput } from "@/lib/incident/add-note";
import { publishEvents } from "@/lib/realtime/publish-events";

export const addNoteAction = defineAction(
  { name: "addNote", permission: "note.add", schema: addNoteInput },
  async (input, { user, prisma }) => {
    const result = await addNote(prisma, input, user.id);
    publishEvents(result.events);
    return result;
  },
);
