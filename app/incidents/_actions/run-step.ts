"use server";

import { defineAction } from "@/app/_lib/action-client";
import { startStepRun, startStepRunInput } from "@/lib/executors/start-step-run";
import { publishEvents } from "@/lib/realtime/publish-events";
import { publishOutput } from "@/lib/realtime/publish-output";

export const runStepAction = defineAction(
  { name: "runStep", permission: "step.execute", schema: startStepRunInput },
  async (input, { user, prisma }) => {
    // The run goes on after this action returns; its output and its end are published as they come.
    const started = await startStepRun(prisma, input, { id: user.id, name: user.name }, { publishEvents, publishOutput });
    publishEvents(started.events);
    return { executionId: started.executionId, events: started.events };
  },
);
