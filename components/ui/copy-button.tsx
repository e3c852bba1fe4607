"use client";

import { useState } from "react";

type CopyState = "idle" | "copied" | "failed";

// The Clipboard API exists only in secure contexts (HTTPS or localhost). Over plain HTTP on
// a LAN the older execCommand("copy") on a selected, off-screen textarea still works.
function copyWithSelection(text: string): boolean {
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  textarea.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    textarea.remove();
  }
}

async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied: fall through to the selection method.
    }
  }
  return copyWithSelection(text);
}

/**
 * Copies a command. A failure says so plainly, because a responder who pastes whatever the
 * clipboard held before could run the wrong command.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>("idle");

  async function copy() {
    const copied = await copyText(text);
    setState(copied ? "copied" : "failed");
    setTimeout(() => setState("idle"), copied ? 1500 : 6000);
  }

  return (
    <span className="flex items-center gap-2">
      {state === "failed" && (
        <span role="alert" className="text-xs text-amber-300">
          Copy failed: select the command and copy it by hand
        </span>
      )}
      <button type="button" onClick={copy} className="rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-700">
        {state === "copied" ? "Copied" : label}
      </button>
    </span>
  );
}
