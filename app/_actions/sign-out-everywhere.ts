"use server";

import { z } from "zod";
import { defineAction } from "@/app/_lib/action-client";
import { signOut } from "@/app/auth";
import { endUserSessions } from "@/lib/auth/manage-user";
import { disconnectUserSockets } from "@/lib/realtime/disconnect-user";

/** Ends every session of the signed-in user, on every device, and clears this browser's cookie. */
export const signOutEverywhereAction = defineAction(
  { name: "signOutEverywhere", permission: "session.end_own", schema: z.object({}) },
  async (_input, { user, prisma, address }) => {
    await endUserSessions(prisma, { userId: user.id }, { id: user.id, email: user.email, address });
    disconnectUserSockets(user.id);
    await signOut({ redirect: false });
    return { signedOut: true };
  },
);
