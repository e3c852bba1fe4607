// Creates a migration folder in prisma/migrations from the changes in prisma/schema.prisma.
// Usage: npm run db:migration -- --name add_something
import { parseArgs } from "node:util";
import { createMigration } from "../lib/db/create-migration";
import { dbLogger } from "../lib/db/logger";

const USAGE = "Usage: npm run db:migration -- --name <name>\n  --name  descriptive part of the migration folder name, for example add_step_owner";

async function main(): Promise<number> {
  let name: string | undefined;
  try {
    ({ name } = parseArgs({ options: { name: { type: "string", short: "n" } } }).values);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!name) {
    console.error(`Missing --name.\n${USAGE}`);
    return 2;
  }

  const result = await createMigration({ name });
  if (result.status === "no-changes") {
    console.log("no changes: prisma/schema.prisma matches the migrations");
  } else {
    console.log(`created ${result.migrationDir}/migration.sql`);
    console.log("Review the SQL, then run `npm run db:generate` if the Prisma client is out of date.");
  }
  return 0;
}

// Exit explicitly, so that a timer or handle a dependency leaves open cannot keep the finished
// script running.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    dbLogger.error({ err: error }, "creating the migration failed");
    // The JSON log line is for log collectors, so print the plain message for the person running the script.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
