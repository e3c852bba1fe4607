import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { RunbridgeError } from "@/lib/errors";
import { loadReview } from "@/lib/review/load-review";
import { renderReviewExportFile } from "@/lib/review/render-review-export-file";

export const dynamic = "force-dynamic";

/** Downloads the review as JSON (?format=json, the default) or Markdown (?format=markdown). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return guardRoute({ permission: "review.view", incidentId: id, operation: "GET /api/incidents/[id]/review/export" }, async () => {
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "markdown") {
      throw new RunbridgeError("INVALID_INPUT", `Export format "${format}" is not supported: use format=json or format=markdown.`);
    }

    const file = renderReviewExportFile(await loadReview(getPrisma(), id), format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
