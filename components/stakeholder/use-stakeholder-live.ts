"use client";

import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import type { StakeholderView } from "@/lib/incident/stakeholder-view";
import { SHARE_LINK_ENDED_MESSAGE } from "@/lib/share/share-link-constants";
import { estimateClockOffset } from "@/lib/timers/clock";
import { SESSION_ENDED, STAKEHOLDER_CHANGED, WATCH_INCIDENT } from "@/lib/realtime/socket-names";
import type { WatchResult } from "@/lib/realtime/socket-server";

const WATCH_TIMEOUT_MS = 10_000;

const ACCESS_ENDED_MESSAGE = "The server ended live updates: the link was revoked or expired, or your session ended. Reload the page or ask the incident commander for a new link.";

export type StakeholderConnection = "connecting" | "live" | "offline" | "ended";

/**
 * Keeps a stakeholder view live. The server only sends a notice that something changed, so the
 * page requests the whole view again, so nothing a stakeholder may not see is ever sent to it.
 * A share link's token travels in the socket handshake, never in a cookie.
 */
export function useStakeholderLive(initial: StakeholderView, shareToken: string | null) {
  const [view, setView] = useState(initial);
  const [connection, setConnection] = useState<StakeholderConnection>("connecting");
  const [message, setMessage] = useState<string | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(() => initial.serverNow - Date.now());
  const inFlight = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    const socket = io({ withCredentials: true, transports: ["websocket", "polling"], auth: shareToken ? { shareToken } : {} });
    let ended = false;

    // Changes can arrive faster than the view loads: one request at a time, and one more after
    // it when a change came in meanwhile.
    const refresh = () => {
      if (inFlight.current) {
        again.current = true;
        return;
      }
      inFlight.current = true;
      const sentAt = Date.now();
      socket.timeout(WATCH_TIMEOUT_MS).emit(WATCH_INCIDENT, { incidentId: initial.id }, (timeoutError: Error | null, result: WatchResult) => {
        inFlight.current = false;
        if (timeoutError) {
          setMessage("The server did not send the incident's status in time; it will retry on the next change or reconnect.");
        } else if (result.ok) {
          setView(result.view);
          setClockOffsetMs(estimateClockOffset(sentAt, result.view.serverNow, Date.now()));
          setMessage(null);
        } else {
          setMessage(result.error);
        }
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
    };

    socket.on("connect", () => {
      setConnection("live");
      refresh();
    });
    socket.on(STAKEHOLDER_CHANGED, refresh);
    socket.on(SESSION_ENDED, (notice: { message: string }) => {
      ended = true;
      setConnection("ended");
      setMessage(notice.message);
    });
    socket.on("disconnect", (reason) => {
      // The server disconnects on purpose only when access ended; socket.io does not reconnect then.
      if (ended || reason === "io server disconnect") {
        ended = true;
        setConnection("ended");
        setMessage((current) => current ?? ACCESS_ENDED_MESSAGE);
        return;
      }
      setConnection("offline");
    });
    socket.on("connect_error", (error) => {
      // A link revoked while this page was offline is refused on reconnect: end the page then too.
      if (shareToken && error.message === SHARE_LINK_ENDED_MESSAGE) {
        ended = true;
        socket.close();
        setConnection("ended");
        setMessage(error.message);
        return;
      }
      setConnection("offline");
      setMessage(error.message);
    });

    return () => {
      socket.close();
    };
  }, [initial.id, shareToken]);

  return { view, connection, message, clockOffsetMs };
}
