/**
 * Request header that carries the caller's network address into Next's handlers. server.ts
 * sets it from the TCP connection and overwrites any value the client sent.
 */
export const CLIENT_ADDRESS_HEADER = "x-runbridge-client-address";

/** Reads the caller's address from request headers; "unknown" when the header is missing. */
export function readClientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
