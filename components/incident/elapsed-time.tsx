"use client";

import { formatDuration } from "@/lib/timers/timer-status";
import { useServerNow } from "../use-server-clock";

/** Time since declaration, ticking in server time while the incident is open. */
export function ElapsedTime({ declaredAt, resolvedAt, renderedAt }: { declaredAt: string; resolvedAt: string | null; renderedAt: number }) {
  const now = useServerNow(renderedAt);
  const end = resolvedAt ? Date.parse(resolvedAt) : now;
  return <span className="tabular-nums">{formatDuration(end - Date.parse(declaredAt))}</span>;
}
