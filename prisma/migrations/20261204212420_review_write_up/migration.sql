-- CreateTable
CREATE TABLE "ReviewWriteUp" (
    "incidentId" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "rootCause" TEXT NOT NULL DEFAULT '',
    "contributingFactors" TEXT NOT NULL DEFAULT '',
    "wentWell" TEXT NOT NULL DEFAULT '',
    "recommendations" TEXT NOT NULL DEFAULT '',
    "dataLossMinutes" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,

    CONSTRAINT "ReviewWriteUp_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "ReviewActionItem" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,

    CONSTRAINT "ReviewActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookStepFeedback" (
    "id" TEXT NOT NULL,
    "runbookVersionId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "phaseIndex" INTEGER,
    "position" INTEGER,
    "stepTitle" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,

    CONSTRAINT "RunbookStepFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewChecklistItem" (
    "incidentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,

    CONSTRAINT "ReviewChecklistItem_pkey" PRIMARY KEY ("incidentId","position")
);

-- CreateTable
CREATE TABLE "ReviewArchive" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByName" TEXT NOT NULL,

    CONSTRAINT "ReviewArchive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewActionItem_incidentId_idx" ON "ReviewActionItem"("incidentId");

-- CreateIndex
CREATE INDEX "RunbookStepFeedback_runbookVersionId_createdAt_idx" ON "RunbookStepFeedback"("runbookVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewArchive_incidentId_createdAt_idx" ON "ReviewArchive"("incidentId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReviewWriteUp" ADD CONSTRAINT "ReviewWriteUp_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewActionItem" ADD CONSTRAINT "ReviewActionItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookStepFeedback" ADD CONSTRAINT "RunbookStepFeedback_runbookVersionId_fkey" FOREIGN KEY ("runbookVersionId") REFERENCES "RunbookVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookStepFeedback" ADD CONSTRAINT "RunbookStepFeedback_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewChecklistItem" ADD CONSTRAINT "ReviewChecklistItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewArchive" ADD CONSTRAINT "ReviewArchive_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
