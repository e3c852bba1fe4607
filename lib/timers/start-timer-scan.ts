import type { PrismaClient } from "../db/types";
import type { TimelineEvent } from "../incident/events";
import { logger } from "../logger";
import { recordTimerAlerts } from "./record-timer-alerts";

export const TIMER_SCAN_INTERVAL_MS = 5_000;

/**
 * Runs the RTO and phase alert scan every few seconds in the server process, skipping a tick
 * while the previous scan is still running. Returns a function that stops it.
 */
export function startTimerScan(prisma: PrismaClient, publish: (events: TimelineEvent[]) => void, intervalMs = TIMER_SCAN_INTERVAL_MS): () => void {
  let running = false;

  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const events = await recordTimerAlerts(prisma);
      if (events.length > 0) {
        logger.info({ count: events.length, incidentIds: [...new Set(events.map((event) => event.incidentId))] }, "timer alerts recorded");
        publish(events);
      }
    } catch (error) {
      logger.error({ err: error }, "timer scan failed; retrying on the next tick");
    } finally {
      running = false;
    }
  };

  const interval = setInterval(() => void tick(), intervalMs);
  interval.unref();
  logger.info({ intervalMs }, "timer scan started");

  return () => {
    clearInterval(interval);
    logger.info("timer scan stopped");
  };
}
