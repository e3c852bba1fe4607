"use client";

import { archiveReviewAction } from "@/app/incidents/[id]/review/_actions/archive-review";
import type { ReviewArchiveRecord } from "@/lib/review/review-data";
import { ActionError, useReviewAction } from "./use-review-action";

export function ArchivePanel({ incidentId, archives, canEdit }: { incidentId: string; archives: ReviewArchiveRecord[]; canEdit: boolean }) {
  const { pending, error, run } = useReviewAction();

  return (
    <div className="text-sm">
      {archives.length === 0 ? (
        <p className="text-slate-600">Not archived yet.</p>
      ) : (
        <ul className="space-y-1 break-all" data-testid="archives">
          {archives.map((archive) => (
            <li key={archive.key} data-testid="archive">
              <code>
                s3://{archive.bucket}/{archive.key}
              </code>{" "}
              <span className="text-slate-500">
                SHA-256 {archive.sha256} · {archive.sizeBytes} bytes · {archive.createdAt.slice(0, 19).replace("T", " ")} UTC by {archive.createdByName}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => archiveReviewAction({ incidentId }))}
          className="no-print mt-3 rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-50"
        >
          {pending ? "Archiving…" : "Archive to S3"}
        </button>
      )}
      <ActionError error={error} />
    </div>
  );
}
