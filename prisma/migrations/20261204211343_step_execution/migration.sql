-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "approval" JSONB,
ADD COLUMN     "dangerous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'manual',
ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "StepExecution" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "stepRunId" TEXT NOT NULL,
    "runningStepId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "previousState" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "verdict" TEXT,
    "output" TEXT NOT NULL DEFAULT '',
    "outputBytes" INTEGER NOT NULL DEFAULT 0,
    "outputTruncated" BOOLEAN NOT NULL DEFAULT false,
    "exitCode" INTEGER,
    "result" JSONB,
    "startedBy" JSONB NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StepExecution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "AutomationSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "StepExecution_runningStepId_key" ON "StepExecution"("runningStepId");

-- CreateIndex
CREATE INDEX "StepExecution_status_idx" ON "StepExecution"("status");

-- CreateIndex
CREATE INDEX "StepExecution_stepRunId_startedAt_idx" ON "StepExecution"("stepRunId", "startedAt");

-- AddForeignKey
ALTER TABLE "StepExecution" ADD CONSTRAINT "StepExecution_stepRunId_fkey" FOREIGN KEY ("stepRunId") REFERENCES "StepRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
