"use client";
/**
 * Loads a run's checkpoint (TF.js, the model's files) in the background once the page is idle, so
 * Grad-CAM and "Try it" answer at the first click instead of after the download and set-up.
 */
import { useEffect } from "react";

/** Prefetches the model of `runId` (null: nothing to fetch); failures are left for the first real use to report. */
export function usePrefetchedModel(runId: string | null): void {
  useEffect(() => {
    if (runId === null) return;
    const start = () =>
      void import("../../lib/model/run-model").then(
        (m) => m.runModel(runId).catch(() => undefined),
        () => undefined,
      );
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(start, { timeout: 2_000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(start, 500);
    return () => clearTimeout(timer);
  }, [runId]);
}
