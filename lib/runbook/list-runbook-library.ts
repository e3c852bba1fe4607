import type { PrismaClient } from "../db/types";
import type { RunbookModel } from "./model";
import { getReviewAge, type ReviewAge } from "./review-age";

export interface RunbookVersionSummary {
  id: string;
  version: number;
  importedAt: string;
  sha256: string;
  incidentCount: number;
}

export interface RunbookSummary {
  id: string;
  slug: string;
  title: string;
  /** The newest version's id, number and parsed model. */
  latest: { id: string; version: number; model: RunbookModel };
  versions: RunbookVersionSummary[];
  review: ReviewAge;
}

/** Lists the runbooks in the library, oldest first, each with its versions (newest first) and review age. */
export async function listRunbookLibrary(prisma: PrismaClient, now = new Date()): Promise<RunbookSummary[]> {
  const runbooks = await prisma.runbook.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, importedAt: true, sha256: true, model: true, _count: { select: { incidents: true } } },
      },
    },
  });

  return runbooks.flatMap((runbook) => {
    const [newest] = runbook.versions;

    if (newest === undefined) return [];

    const model = newest.model as unknown as RunbookModel;

    return [
      {
        id: runbook.id,
        slug: runbook.slug,
        title: runbook.title,
        latest: { id: newest.id, version: newest.version, model },
        versions: runbook.versions.map((version) => ({
          id: version.id,
          version: version.version,
          importedAt: version.importedAt.toISOString(),
          sha256: version.sha256,
          incidentCount: version._count.incidents,
        })),
        review: getReviewAge(runbook.reviewedAt, model.metadata, now),
      },
    ];
  });
}

/** Returns the parsed models of two versions of one runbook by version number, or null when either is missing. */
export async function loadVersionModels(prisma: PrismaClient, runbookId: string, versions: [number, number]): Promise<[RunbookModel, RunbookModel] | null> {
  const rows = await prisma.runbookVersion.findMany({ where: { runbookId, version: { in: versions } }, select: { version: true, model: true } });
  const find = (version: number) => rows.find((row) => row.version === version)?.model as unknown as RunbookModel | undefined;
  const older = find(versions[0]);
  const newer = find(versions[1]);

  return older && newer ? [older, newer] : null;
}
