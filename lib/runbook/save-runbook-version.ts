import { createHash } from "node:crypto";
import type { PrismaClient } from "../db/types";
import type { RunbookModel } from "./model";
import { parseRunbook } from "./parse-runbook";

export interface SavedRunbookVersion {
  runbookId: string;
  runbookVersionId: string;
  version: number;
  /** False when identical text was already stored, so no new version was made. */
  created: boolean;
  model: RunbookModel;
}

function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "runbook"
  );
}

/**
 * Parses Markdown and stores it as the next version of the runbook with this slug (by
 * default the slug of its title). Identical text returns the existing version.
 */
export async function saveRunbookVersion(prisma: PrismaClient, markdown: string, slug?: string): Promise<SavedRunbookVersion> {
  const model = parseRunbook(markdown);
  const sha256 = createHash("sha256").update(markdown).digest("hex");
  const runbookSlug = slug ?? slugify(model.title);

  return prisma.$transaction(async (tx) => {
    const runbook = await tx.runbook.upsert({
      where: { slug: runbookSlug },
      create: { slug: runbookSlug, title: model.title },
      update: {},
    });

    const same = await tx.runbookVersion.findUnique({ where: { runbookId_sha256: { runbookId: runbook.id, sha256 } } });
    if (same) {
      return { runbookId: runbook.id, runbookVersionId: same.id, version: same.version, created: false, model: same.model as unknown as RunbookModel };
    }

    const latest = await tx.runbookVersion.findFirst({ where: { runbookId: runbook.id }, orderBy: { version: "desc" } });
    const version = (latest?.version ?? 0) + 1;
    const saved = await tx.runbookVersion.create({
      data: { runbookId: runbook.id, version, source: markdown, sha256, model: model as object },
    });
    await tx.runbook.update({ where: { id: runbook.id }, data: { title: model.title } });

    return { runbookId: runbook.id, runbookVersionId: saved.id, version, created: true, model };
  });
}
