"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/_lib/action-client";

/** Runs a review server action in a transition and keeps its error message for the form to show. */
export function useReviewAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run<T>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok) onSuccess?.(result.data);
        else setError(result.error.message);
      } catch {
        setError("The server could not be reached, so nothing was saved. Check your connection and try again.");
      }
    });
  }

  /** Submits a form through an action built from its fields, and clears the form once it succeeds. */
  function submit<T>(event: React.FormEvent<HTMLFormElement>, action: (form: FormData) => Promise<ActionResult<T>>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    run(
      () => action(form),
      () => formElement.reset(),
    );
  }

  return { pending, error, run, submit };
}

export function ActionError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="mt-2 text-sm text-red-700">
      {error}
    </p>
  );
}
