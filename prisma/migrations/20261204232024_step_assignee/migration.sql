-- AlterTable
ALTER TABLE "StepRun" ADD COLUMN     "assigneeId" TEXT;

-- AddForeignKey
ALTER TABLE "StepRun" ADD CONSTRAINT "StepRun_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
