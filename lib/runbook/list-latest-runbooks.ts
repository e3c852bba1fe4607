import type { PrismaClient } from "../db/types";
import type { RunbookModel } from "./model";

export interface LatestRunbook {
  runbookVersionId: string;
  version: number;
  model: RunbookModel;
}

/** Returns the newest version of each runbook in the library, oldest runbook first. */
export async function listLatestRunbooks(prisma: PrismaClient): Promise<LatestRunbook[]> {
  const runbooks = await prisma.runbook.findMany({
    orderBy: { createdAt: "asc" },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });

  return runbooks.flatMap((runbook) =>
    runbook.versions.map((version) => ({
      runbookVersionId: version.id,
      version: version.version,
      model: version.model as unknown as RunbookModel,
    })),
  );
}
