-- AlterTable
ALTER TABLE "Runbook" ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RunbookVersion" ADD COLUMN     "edits" JSONB NOT NULL DEFAULT '[]';
