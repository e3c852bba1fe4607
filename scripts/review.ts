// Command line for reviews: `npm run review -- <command>`; see REVIEW_CLI_USAGE. It opens the
// database from DATABASE_URL or the data folder in RUNBRIDGE_DATA_DIR (default .data). An
// embedded data folder can be opened only while the server is stopped.
import { openDatabase, type Database } from "../lib/db/open-database";
import { isRunbridgeError } from "../lib/errors";
import { runReviewCli } from "../lib/review/review-cli";

let database: Database | undefined;

async function main(): Promise<number> {
  try {
    await runReviewCli(
      process.argv.slice(2),
      async () => {
        database = await openDatabase();
        return database.prisma;
      },
      process.stdout,
    );
    return 0;
  } catch (error) {
    console.error(isRunbridgeError(error) ? error.message : error);
    return 1;
  } finally {
    await database?.close();
  }
}

// The schema engine and PGlite can keep the event loop alive after closing, so exit explicitly.
main().then((code) => process.exit(code));
