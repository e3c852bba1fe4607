"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { applyEvents, applyOutputChunk, needsCatchUp, type StepOutputChunk } from "@/lib/incident/apply-event";
import type { TimelineEvent } from "@/lib/incident/events";
import type { IncidentView } from "@/lib/incident/incident-view";
import type { StepView } from "@/lib/incident/step-view";
import { SHARE_LINKS_CHANGED } from "@/lib/realtime/socket-names";
import type { JoinResult } from "@/lib/realtime/socket-server";

// Event names, repeated from lib/realtime so this client bundle does not import socket.io's server.
const JOIN_INCIDENT = "incident:join";
const TIMELINE_EVENT = "timeline:event";
const JOIN_TIMEOUT_MS = 10_000;
const JOIN_RETRY_DELAY_MS = 2_000;
const STEP_OUTPUT_EVENT = "step:output";
const RUN_END_EVENTS: ReadonlySet<string> = new Set(["step.run.finished", "step.run.cancelled", "step.run.interrupted"]);
const SESSION_ENDED = "session:ended";

const CONNECTION_ENDED_MESSAGE = "The server ended live updates: your session ended or your access was withdrawn. Sign in again or reload the page.";

export type ConnectionState = "connecting" | "live" | "offline";

export function incidentQueryKey(incidentId: string) {
  return ["incident", incidentId] as const;
}

/**
 * Keeps an incident snapshot live: joins the incident's socket room, applies each event in
 * sequence order, and requests the missed ones whenever it sees a gap or reconnects.
 */
export function useIncidentLive(initial: IncidentView) {
  const queryClient = useQueryClient();
  const queryKey = incidentQueryKey(initial.id);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [liveError, setLiveError] = useState<string | null>(null);
  // Counts share-link changes announced by the server, so the share links panel reloads on each.
  const [shareLinksVersion, setShareLinksVersion] = useState(0);
  const socketRef = useRef<Socket | null>(null);
  const catchingUp = useRef(false);

  const { data: view } = useQuery({
    queryKey,
    queryFn: async () => {
      const response = await fetch(`/api/incidents/${initial.id}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`Loading the incident failed with HTTP ${response.status}.`);
      return (await response.json()) as IncidentView;
    },
    initialData: initial,
  });

  // Set once catchUp exists below; apply needs it and catchUp needs apply.
  const catchUpRef = useRef<() => void>(() => undefined);

  const apply = useCallback(
    (events: readonly TimelineEvent[]) => {
      const next = queryClient.setQueryData<IncidentView>(queryKey, (current) => (current ? applyEvents(current, events) : current));

      // An event beyond lastSeq was held back because this page missed a broadcast before it.
      // Fetching what is missing also brings the held-back events.
      if (next && events.some((event) => event.seq > next.lastSeq)) catchUpRef.current();
    },
    // queryKey is rebuilt every render but only depends on the incident id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, initial.id],
  );

  const catchUp = useCallback(() => {
    const socket = socketRef.current;
    if (!socket?.connected || catchingUp.current) return;
    catchingUp.current = true;

    const afterSeq = queryClient.getQueryData<IncidentView>(queryKey)?.lastSeq ?? 0;
    // Without a timeout, an acknowledgement lost with a dropped connection would leave
    // catchingUp set and block every later catch-up.
    socket.timeout(JOIN_TIMEOUT_MS).emit(JOIN_INCIDENT, { incidentId: initial.id, afterSeq }, (timeoutError: Error | null, result: JoinResult) => {
      catchingUp.current = false;
      if (timeoutError) {
        setLiveError("The server did not return the missed updates in time; retrying.");
        setTimeout(() => catchUp(), JOIN_RETRY_DELAY_MS);
        return;
      }
      if (result.ok) {
        setLiveError(null);
        apply(result.events);
      } else {
        setLiveError(result.error);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [apply, queryClient, initial.id]);

  catchUpRef.current = catchUp;

  /**
   * Shows the step as the server returned it with a conflict, before the events that led
   * there arrive. Those events then apply on top and bring lastSeq up to date.
   */
  const showCurrentStep = useCallback(
    (step: StepView) => {
      queryClient.setQueryData<IncidentView>(queryKey, (current) =>
        current ? { ...current, steps: current.steps.map((candidate) => (candidate.id === step.id && candidate.version < step.version ? step : candidate)) } : current,
      );
      catchUp();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, catchUp, initial.id],
  );

  useEffect(() => {
    const socket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    socketRef.current = socket;

    socket.on("connect", () => {
      setConnection("live");
      catchingUp.current = false;
      catchUp();
    });
    socket.on("disconnect", (reason) => {
      setConnection("offline");
      // The server only disconnects a socket on purpose when its session or access ended;
      // socket.io does not reconnect after that.
      if (reason === "io server disconnect") setLiveError(CONNECTION_ENDED_MESSAGE);
    });
    socket.on(SESSION_ENDED, (notice: { message: string }) => setLiveError(notice.message));
    socket.on(SHARE_LINKS_CHANGED, () => setShareLinksVersion((version) => version + 1));
    socket.on("connect_error", (error) => {
      setConnection("offline");
      setLiveError(error.message);
    });
    socket.on(TIMELINE_EVENT, (event: TimelineEvent) => {
      const current = queryClient.getQueryData<IncidentView>(queryKey);
      if (current && needsCatchUp(current, event)) {
        catchUp();
      } else {
        apply([event]);
      }
      // The stored output of an ended run is complete even where streamed chunks were missed.
      if (RUN_END_EVENTS.has(event.type)) void queryClient.invalidateQueries({ queryKey });
    });
    socket.on(STEP_OUTPUT_EVENT, (chunk: StepOutputChunk) => {
      queryClient.setQueryData<IncidentView>(queryKey, (current) => (current ? applyOutputChunk(current, chunk) : current));
    });

    // A browser that detects it lost the network drops the socket at once instead of waiting
    // for the heartbeat to time out, and reconnects (and catches up) when it is back.
    const goOffline = () => socket.disconnect();
    const goOnline = () => socket.connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);

    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.close();
      socketRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.id]);

  return { view, connection, liveError, apply, showCurrentStep, shareLinksVersion };
}
