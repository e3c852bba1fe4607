-- CreateTable
CREATE TABLE "RunbookStepSetting" (
    "id" TEXT NOT NULL,
    "runbookId" TEXT NOT NULL,
    "scenarioKey" TEXT NOT NULL,
    "phaseIndex" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "stepTitle" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "dangerous" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "RunbookStepSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RunbookStepSetting_runbookId_scenarioKey_phaseIndex_positio_key" ON "RunbookStepSetting"("runbookId", "scenarioKey", "phaseIndex", "position");
