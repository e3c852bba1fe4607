import pino from "pino";

// One pino logger for the whole process. LOG_LEVEL sets the level (default "info").
// Secrets are redacted by path in case a caller logs a whole object.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "runbridge" },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "secret", "*.secret", "token", "*.token"],
    censor: "[redacted]",
  },
});
