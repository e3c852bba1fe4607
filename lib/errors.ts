// Errors that the domain raises on purpose. Server actions, route handlers and socket handlers
// turn them into messages the UI can show as they are; any other error is logged and reported
// as an internal failure.

export type ErrorCode =
  | "INVALID_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "RATE_LIMITED"
  | "INTERNAL";

export class RunbridgeError extends Error {
  readonly code: ErrorCode;
  /** Extra data for the caller, such as the current state after a conflict. */
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "RunbridgeError";
    this.code = code;
    this.details = details;
  }
}

export function isRunbridgeError(error: unknown): error is RunbridgeError {
  return error instanceof RunbridgeError;
}
