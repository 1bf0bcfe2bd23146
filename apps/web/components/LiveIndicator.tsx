"use client";
import { useWsState } from "../lib/hooks";

/** Shows whether the live-update WebSocket is connected. */
export function LiveIndicator() {
  const state = useWsState();
  if (state === "idle") return null;
  const text = state === "live" ? "live" : state === "offline" ? "live updates offline" : "connecting…";
  return (
    <span className="live-dot" data-state={state} data-testid="live-indicator">
      {text}
    </span>
  );
}
