"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markRunbookReviewedAction } from "@/app/runbooks/_actions/mark-runbook-reviewed";

export function MarkReviewedButton({ runbookId }: { runbookId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  return (
    <span>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await markRunbookReviewedAction({ runbookId });
            if (result.ok) {
              setError(null);
              router.refresh();
            } else {
              setError(result.error.message);
            }
          })
        }
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
      >
        {pending ? "Saving…" : "Mark as reviewed"}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
