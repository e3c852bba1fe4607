"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/app/_actions/sign-out-everywhere";

/** Ends every session of the signed-in user after a confirmation, then opens the sign-in page. */
export function SignOutEverywhereButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
        Sign out everywhere
      </button>
    );
  }

  return (
    <span className="flex items-center gap-2">
      <span>End your sessions on every device?</span>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await signOutEverywhereAction({});
            if (result.ok) router.push("/signin");
            else setError(result.error.message);
          })
        }
        className="rounded-md bg-slate-900 px-3 py-1 font-medium text-white disabled:opacity-50"
      >
        Sign out everywhere
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-1">
        Cancel
      </button>
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
