"use client";
/**
 * Loads a run's checkpoint (TF.js, the model's files) in the background once the page is idle, so
 * Grad-CAM and "Try it" answer at the first click instead of after the download and set-up.
 */
import { useEffect } from "react";

/** Larger checkpoints are loaded only when asked for: they cost download time and browser memory. */
const PREFETCH_MAX_BYTES = 50_000_000;

/**
 * Prefetches the run's model (nothing when `checkpoint` is null or large); failures are left for
 * the first real use to report.
 */
export function usePrefetchedModel(runId: string, checkpoint: { weightsSha256: string; bytes: number } | null | undefined): void {
  const sha = checkpoint && checkpoint.bytes <= PREFETCH_MAX_BYTES ? checkpoint.weightsSha256 : null;
  useEffect(() => {
    if (sha === null) return;
    const start = () =>
      void import("../../lib/model/run-model").then(
        (m) => m.runModel(runId, sha).catch(() => undefined),
        () => undefined,
      );
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(start, { timeout: 2_000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(start, 500);
    return () => clearTimeout(timer);
  }, [runId, sha]);
}
