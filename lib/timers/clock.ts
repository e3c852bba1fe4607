// Server time on the client. The browser measures its offset from the server once per
// connection; every timer then uses Date.now() + offset, so a browser clock that is minutes
// off still counts from the server's declaration time.

/**
 * Estimates serverClock - clientClock from one request: the client's clock before sending,
 * the server's time in the response and the client's clock on receipt (all milliseconds).
 * It assumes the request and the response took equally long, so the error is at most half
 * the round trip.
 */
export function estimateClockOffset(sentAtClientMs: number, serverNowMs: number, receivedAtClientMs: number): number {
  const midpoint = (sentAtClientMs + receivedAtClientMs) / 2;
  return serverNowMs - midpoint;
}

export function serverNow(clientNowMs: number, offsetMs: number): number {
  return clientNowMs + offsetMs;
}
