import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/types";
import { RunbridgeError } from "../errors";
import type { RunbookModel } from "./model";
import { parseRunbook } from "./parse-runbook";
import { applyRunbookEdits, type RunbookEdit } from "./runbook-edit";
import { slugifyText } from "./slugify-text";

export interface SavedRunbookVersion {
  runbookId: string;
  runbookVersionId: string;
  version: number;
  /** False when identical text was already stored, so no new version was made. */
  created: boolean;
  model: RunbookModel;
}

export interface SaveTarget {
  /** Slug of the runbook to add the version to, created when missing. Defaults to the slug of the title. */
  slug?: string;
  /** Id of an existing runbook to add the version to; takes precedence over `slug`. */
  runbookId?: string;
}

/**
 * Parses Markdown and stores it as the next version of a runbook. Identical text returns the
 * existing version. The admin edits of the newest version are carried over and applied to the
 * new model where their phases and steps still exist.
 */
export async function saveRunbookVersion(prisma: PrismaClient, markdown: string, target: string | SaveTarget = {}): Promise<SavedRunbookVersion> {
  const { slug, runbookId } = typeof target === "string" ? { slug: target, runbookId: undefined } : target;
  const parsed = parseRunbook(markdown);
  const sha256 = createHash("sha256").update(markdown).digest("hex");
  const runbookSlug = slug ?? (slugifyText(parsed.title).slice(0, 80) || "runbook");

  return prisma.$transaction(async (tx) => {
    const runbook = runbookId
      ? await tx.runbook.findUnique({ where: { id: runbookId } })
      : await tx.runbook.upsert({ where: { slug: runbookSlug }, create: { slug: runbookSlug, title: parsed.title || runbookSlug }, update: {} });

    if (runbook === null) {
      throw new RunbridgeError("NOT_FOUND", `Runbook "${runbookId}" was not found: pick a runbook from the library or save as a new runbook.`);
    }

    const same = await tx.runbookVersion.findUnique({ where: { runbookId_sha256: { runbookId: runbook.id, sha256 } } });
    if (same) {
      return { runbookId: runbook.id, runbookVersionId: same.id, version: same.version, created: false, model: same.model as unknown as RunbookModel };
    }

    const latest = await tx.runbookVersion.findFirst({ where: { runbookId: runbook.id }, orderBy: { version: "desc" } });
    const edits = (latest?.edits ?? []) as unknown as RunbookEdit[];
    const model = applyRunbookEdits(parsed, edits);
    const version = (latest?.version ?? 0) + 1;
    const saved = await tx.runbookVersion.create({
      data: { runbookId: runbook.id, version, source: markdown, sha256, model: model as object, edits: edits as object },
    });
    await tx.runbook.update({ where: { id: runbook.id }, data: { title: model.title || runbook.title } });

    return { runbookId: runbook.id, runbookVersionId: saved.id, version, created: true, model };
  });
}
