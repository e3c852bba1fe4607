"use client";

import { useState } from "react";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access needs a secure context; over plain HTTP the user selects the text.
      setCopied(false);
    }
  }

  return (
    <button type="button" onClick={copy} className="rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:bg-slate-700">
      {copied ? "Copied" : label}
    </button>
  );
}
