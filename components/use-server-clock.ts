"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { estimateClockOffset, serverNow } from "@/lib/timers/clock";

async function measureClockOffset(): Promise<number> {
  const sentAt = Date.now();
  const response = await fetch("/api/time", { cache: "no-store" });
  const receivedAt = Date.now();
  if (!response.ok) throw new Error(`Server time request failed with HTTP ${response.status}.`);
  const body = (await response.json()) as { serverNow: number };
  return estimateClockOffset(sentAt, body.serverNow, receivedAt);
}

/**
 * Server time in milliseconds, updated every second. The browser's clock offset is measured
 * once per page and shared by every timer through the query cache.
 */
export function useServerNow(initialServerNow: number): number {
  const { data: offsetMs } = useQuery({ queryKey: ["server-clock-offset"], queryFn: measureClockOffset, staleTime: 5 * 60_000 });
  return useOffsetClock(initialServerNow, offsetMs);
}

/**
 * Returns server time in milliseconds from a known clock offset, updated every second. Until
 * the offset is known it returns the initial server time.
 */
export function useOffsetClock(initialServerNow: number, offsetMs: number | undefined): number {
  const [now, setNow] = useState(initialServerNow);

  useEffect(() => {
    if (offsetMs === undefined) return;
    const tick = () => setNow(serverNow(Date.now(), offsetMs));
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [offsetMs]);

  return now;
}
