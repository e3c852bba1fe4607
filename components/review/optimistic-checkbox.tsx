"use client";

import { useOptimistic, useState, useTransition } from "react";
import type { ActionResult } from "@/app/_lib/action-client";

/** A checkbox that shows its new state at once and returns to the server's state if the action fails. */
export function OptimisticCheckbox({
  checked,
  disabled,
  label,
  onToggle,
}: {
  checked: boolean;
  disabled: boolean;
  label?: string;
  onToggle: (next: boolean) => Promise<ActionResult<unknown>>;
}) {
  const [optimistic, setOptimistic] = useOptimistic(checked);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <input
        type="checkbox"
        aria-label={label}
        checked={optimistic}
        disabled={disabled || pending}
        onChange={(event) => {
          const next = event.target.checked;
          setError(null);
          startTransition(async () => {
            setOptimistic(next);
            try {
              const result = await onToggle(next);
              if (!result.ok) setError(result.error.message);
            } catch {
              setError("The server could not be reached, so nothing was saved. Check your connection and try again.");
            }
          });
        }}
      />
      {error && (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
