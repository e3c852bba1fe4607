"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { createShareLinkAction } from "@/app/incidents/_actions/create-share-link";
import { listShareLinksAction } from "@/app/incidents/_actions/list-share-links";
import { revokeShareLinkAction } from "@/app/incidents/_actions/revoke-share-link";
import { MAX_SHARE_LABEL_LENGTH } from "@/lib/share/share-link-constants";
import type { ShareLinkView } from "@/lib/share/share-link-view";
import { CopyButton } from "../ui/copy-button";

const EXPIRY_CHOICES = [
  { hours: 1, label: "1 hour" },
  { hours: 8, label: "8 hours" },
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
  { hours: 336, label: "14 days" },
];

const STATUS_STYLES: Record<ShareLinkView["status"], string> = {
  active: "bg-emerald-100 text-emerald-800",
  expired: "bg-slate-200 text-slate-700",
  revoked: "bg-red-100 text-red-800",
};

/**
 * Share links for people without an account: create one with a label and an expiry, copy
 * its address (shown once, because only the token's hash is stored), revoke it.
 */
export function ShareLinksPanel({ incidentId, initialLinks, changeCount }: { incidentId: string; initialLinks: ShareLinkView[]; changeCount: number }) {
  const [links, setLinks] = useState(initialLinks);
  const [label, setLabel] = useState("");
  const [hours, setHours] = useState(24);
  const [showNames, setShowNames] = useState(false);
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const seenChangeCount = useRef(changeCount);

  // Another commander created or revoked a link: reload the list.
  useEffect(() => {
    if (changeCount === seenChangeCount.current) return;
    seenChangeCount.current = changeCount;
    listShareLinksAction({ incidentId }).then(
      (result) => {
        if (result.ok) setLinks(result.data);
        else setError(result.error.message);
      },
      () => setError("Reloading the share links failed: the server could not be reached. Reload the page."),
    );
  }, [changeCount, incidentId]);

  function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, onSuccess: (data: T) => void) {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await action();
        if (result.ok) onSuccess(result.data);
        else setError(result.error.message);
      } catch {
        setError("The server could not be reached, so nothing changed. Check your connection and try again.");
      }
    });
  }

  return (
    <section aria-labelledby="share-links-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="share-links-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Share links
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run(
            () => createShareLinkAction({ incidentId, label, expiresInHours: hours, showNames }),
            (created) => {
              setLinks(created.links);
              setNewUrl(`${window.location.origin}/share/${created.token}`);
              setLabel("");
            },
          );
        }}
        className="space-y-2 text-sm"
      >
        <input
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={MAX_SHARE_LABEL_LENGTH}
          placeholder="Who the link is for, such as Executive team"
          aria-label="Who the link is for"
          className="w-full rounded-md border border-slate-300 px-2 py-1"
        />
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-1">
            Valid for
            <select value={hours} onChange={(event) => setHours(Number(event.target.value))} className="rounded-md border border-slate-300 px-1 py-0.5">
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.hours} value={choice.hours}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={showNames} onChange={(event) => setShowNames(event.target.checked)} />
            Show names
          </label>
        </div>
        <button type="submit" disabled={pending || !label.trim()} className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50">
          Create share link
        </button>
      </form>

      {newUrl && (
        <div className="space-y-1 rounded-md bg-amber-50 p-2 text-xs text-amber-950">
          <p>Copy the link now: it is shown only once. Anyone with it can watch this incident&apos;s status until it expires or you revoke it.</p>
          <div className="flex gap-2">
            <input readOnly value={newUrl} data-testid="new-share-url" aria-label="New share link" className="flex-1 rounded border border-amber-200 bg-white px-1 py-0.5 font-mono" />
            <CopyButton text={newUrl} />
          </div>
        </div>
      )}

      {notice && (
        <p role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {notice}
        </p>
      )}

      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}

      {links.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {links.map((link) => (
            <li key={link.id} data-testid="share-link-row" data-status={link.status} className="flex items-center justify-between gap-2 py-2">
              <div>
                <div className="font-medium">{link.label}</div>
                <div className="text-xs text-slate-500">
                  {link.status === "revoked"
                    ? `revoked by ${link.revokedByName ?? "someone"}`
                    : `${link.status === "expired" ? "expired" : "expires"} ${new Date(link.expiresAt).toLocaleString()}`}
                  {link.showNames ? " · shows names" : ""}
                </div>
              </div>
              <div className="flex items-center gap-2">
                <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLES[link.status]}`}>{link.status}</span>
                {link.status === "active" && (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() =>
                      run(
                        () => revokeShareLinkAction({ incidentId, shareLinkId: link.id }),
                        (revoked) => {
                          setLinks(revoked.links);
                          if (revoked.alreadyRevoked) setNotice(`“${revoked.link.label}” was already revoked by ${revoked.link.revokedByName ?? "someone else"}.`);
                        },
                      )
                    }
                    className="rounded-md border border-red-300 px-2 py-0.5 text-xs text-red-800 disabled:opacity-50"
                  >
                    Revoke
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
