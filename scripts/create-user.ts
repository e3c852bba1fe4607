// Creates a user from the command line, for installs without a browser at hand.
// Usage: npm run user:create -- --email <email> --name <name> [--role <role>] [--password-stdin]
// Without --password-stdin a password is generated and printed once.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { createUser } from "../lib/auth/create-user";
import { ROLES } from "../lib/auth/roles";
import { openDatabase } from "../lib/db/open-database";
import { isRunbridgeError } from "../lib/errors";

const USAGE = `Usage: npm run user:create -- --email <email> --name <name> [--role <role>] [--password-stdin]
  --email           the user's email, used to sign in
  --name            the name shown on incidents and the timeline
  --role            global role: ${ROLES.join(", ")} (default responder)
  --password-stdin  read the password from standard input instead of generating one
The server must be stopped when the embedded database is used (only one process may open it);
with DATABASE_URL set it can keep running.`;

const projectDir = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string", default: "responder" },
        "password-stdin": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.email || !values.name) {
    console.error(`Missing ${values.email ? "--name" : "--email"}.\n${USAGE}`);
    return 2;
  }

  const password = values["password-stdin"] ? (await text(process.stdin)).replace(/\r?\n$/, "") : randomBytes(12).toString("base64url");

  const database = await openDatabase({
    dataDir: process.env.RUNBRIDGE_DATA_DIR || path.join(projectDir, ".data"),
    migrationsDir: path.join(projectDir, "prisma", "migrations"),
  });
  try {
    const user = await createUser(database.prisma, { email: values.email, name: values.name, role: values.role as (typeof ROLES)[number], password });
    console.log(`Created ${user.email} (${user.role}).`);
    if (!values["password-stdin"]) console.log(`Password: ${password}\n(shown only this once; give it to the user over a separate channel)`);
    return 0;
  } catch (error) {
    if (isRunbridgeError(error)) {
      console.error(`Cannot create the user: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
