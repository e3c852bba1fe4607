import { expect } from "vitest";
import { RunbridgeError } from "../errors";

/** Awaits a promise that must reject with a RunbridgeError of `code`, and returns the error. */
export async function expectError(promise: Promise<unknown>, code: string): Promise<RunbridgeError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RunbridgeError);
  expect((error as RunbridgeError).code).toBe(code);
  return error as RunbridgeError;
}
