import { NextResponse } from "next/server";
import { guardRoute } from "@/app/_lib/route-guard";
import { getPrisma } from "@/lib/db/database";
import { RunbridgeError } from "@/lib/errors";
import { MAX_EVIDENCE_BYTES, preserveEvidence, type EvidenceFile } from "@/lib/executors/preserve-evidence";
import { publishEvents } from "@/lib/realtime/publish-events";

export const dynamic = "force-dynamic";

/**
 * Preserves evidence for a step: multipart form data with any number of "file" parts and an
 * optional "log" text field (pasted logs), stored as a text file.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; stepId: string }> }) {
  const { id, stepId } = await params;
  return guardRoute({ permission: "step.execute", incidentId: id, operation: "POST /api/incidents/[id]/steps/[stepId]/evidence" }, async (user) => {
    const declaredLength = Number(request.headers.get("content-length") ?? 0);
    if (declaredLength > 2 * MAX_EVIDENCE_BYTES) {
      throw new RunbridgeError("INVALID_INPUT", `The upload is ${declaredLength} bytes, more than ${2 * MAX_EVIDENCE_BYTES} allowed at once: upload fewer files at a time.`);
    }

    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new RunbridgeError("INVALID_INPUT", "The upload is not valid multipart form data: send files as \"file\" and pasted logs as \"log\".");
    }

    const files: EvidenceFile[] = [];
    for (const part of form.getAll("file")) {
      if (typeof part === "string" || part.size === 0) continue;
      files.push({ fileName: part.name, contentType: part.type, data: Buffer.from(await part.arrayBuffer()) });
    }
    const log = form.get("log");
    if (typeof log === "string" && log.trim()) {
      files.push({ fileName: `pasted-log-${new Date().toISOString().replace(/[:.]/g, "-")}.txt`, contentType: "text/plain; charset=utf-8", data: Buffer.from(log, "utf8") });
    }

    const events = await preserveEvidence(getPrisma(), { incidentId: id, stepId, files }, { id: user.id, name: user.name });
    publishEvents(events);
    return NextResponse.json({ events });
  });
}
