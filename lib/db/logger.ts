import { logger } from "../logger";

/** Logger for opening, migrating and closing the database. */
export const dbLogger = logger.child({ component: "db" });

/**
 * Replaces the password in a PostgreSQL connection string with "***" so the string can be logged.
 * Handles both URL form (postgresql://user:secret@host/db, ?password=secret) and the
 * key=value form that libpq and pg accept (host=... password=secret).
 */
export function maskDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) {
      url.password = "***";
    }
    if (url.searchParams.has("password")) {
      url.searchParams.set("password", "***");
    }
    return url.toString();
  } catch {
    // Not a URL: mask every password=value pair, quoted or not.
    return databaseUrl.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, "$1***");
  }
}

/**
 * Returns a one-line description of an error for messages and logs.
 * Node reports a failed connection to a host with several addresses (localhost resolves to
 * ::1 and 127.0.0.1) as an AggregateError with an empty message, so the inner errors are joined.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(describeError).join("; ");
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message || code || error.name;
  }
  return String(error);
}
