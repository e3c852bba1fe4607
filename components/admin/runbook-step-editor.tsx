"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveRunbookStepSettingAction } from "@/app/admin/_actions/save-runbook-step-setting";
import { StepKindEditor, type StepKindValue } from "@/components/incident/step-kind-editor";

interface Target {
  runbookId: string;
  scenarioKey: string;
  phaseIndex: number;
  position: number;
  stepTitle: string;
}

export function RunbookStepEditor({ target, initial }: { target: Target; initial: StepKindValue }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function save(value: StepKindValue) {
    startTransition(async () => {
      const result = await saveRunbookStepSettingAction({ ...target, ...value });
      setMessage(result.ok ? { ok: true, text: "Saved: new incidents use this setting." } : { ok: false, text: result.error.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600">Change</summary>
      <StepKindEditor title={target.stepTitle} initial={initial} disabled={pending} onSave={save} />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "mt-1 text-emerald-700" : "mt-1 text-red-800"}>
          {message.text}
        </p>
      )}
    </details>
  );
}
