"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/_lib/action-client";
import type { TimelineEvent } from "@/lib/incident/events";
import type { StepConflict } from "@/lib/incident/record-step";
import type { StepView } from "@/lib/incident/step-view";

/**
 * Runs an incident server action in a transition: applies the events it returns, keeps its
 * error message for the form, and passes the current step of a CONFLICT to onConflict.
 */
export function useCommandAction(onEvents: (events: TimelineEvent[]) => void, onConflict?: (current: StepView) => void) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<ActionResult<{ events: TimelineEvent[] }>>, onSuccess?: () => void) {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<{ events: TimelineEvent[] }>;
      try {
        result = await action();
      } catch {
        setError("The server could not be reached, so nothing was saved. Check your connection and try again.");
        return;
      }
      if (result.ok) {
        onEvents(result.data.events);
        onSuccess?.();
        return;
      }
      setError(result.error.message);
      const conflict = result.error.details as StepConflict | undefined;
      if (result.error.code === "CONFLICT" && conflict?.step) onConflict?.(conflict.step);
    });
  }

  return { pending, error, run };
}
