/**
 * Where a sweep's early-termination rule decides about a run, worked out from the sweep alone: the
 * API judges each epoch as it arrives, and an agent that batches its epochs waits for the API's
 * answer at these epochs, so a run stopped at a rung does not train past it (with cached features an
 * epoch takes milliseconds, and a batch of five would otherwise overrun every rung).
 */
import { plannedEpochs, specOf } from "@graft/core/contract";
import { DEFAULT_HYPERBAND, hyperbandBracketOf, type HyperbandOptions, hyperbandRungs } from "@graft/core/search";
import { EarlyTermination } from "@graft/schema/graphql";
import { DEFAULT_EARLY_TERMINATION, isAshaRung } from "./early-termination";

/** The parts of a sweep row the rules read. */
export interface SweepRules {
  policy: string | null;
  fixed: Readonly<Record<string, unknown>>;
  searchSpace: Readonly<Record<string, unknown[]>>;
}

/**
 * A HYPERBAND sweep's settings for one run: its bracket (from its id) and that bracket's rungs. The
 * brackets span the longest run the sweep plans (its fixed epochs, plus fine-tuning epochs when it
 * searches a depth above 0), the same for every run of the sweep so they share brackets.
 */
export function hyperbandOf(
  sweep: Omit<SweepRules, "policy">,
  runId: string,
): { options: HyperbandOptions; bracket: number; rungs: number[] } {
  const depths = (sweep.searchSpace.fineTuneLayers ?? [0]) as number[];
  const maxEpochs = plannedEpochs({
    epochs: Number(sweep.fixed.epochs ?? specOf("epochs")?.default),
    fineTuneLayers: Math.max(0, ...depths),
    fineTuneEpochs: Number(sweep.fixed.fineTuneEpochs ?? 0),
  });
  const options = { ...DEFAULT_HYPERBAND, maxEpochs };
  const bracket = hyperbandBracketOf(runId, options);
  return { options, bracket, rungs: hyperbandRungs(bracket, options) };
}

/**
 * The epochs (1-based, below `planned`) after which the sweep's rule may stop this run: a
 * HYPERBAND run's bracket rungs, the ASHA rungs, every epoch from MEDIAN's grace on; none without a
 * rule. The last epoch is left out: the run ends there anyway.
 */
export function decisionEpochs(sweep: SweepRules, runId: string, planned: number): number[] {
  const before = (e: number): boolean => e >= 1 && e < planned;
  switch (sweep.policy) {
    case EarlyTermination.HYPERBAND:
      return hyperbandOf(sweep, runId).rungs.filter(before);
    case EarlyTermination.ASHA:
      return Array.from({ length: Math.max(0, planned - 1) }, (_, i) => i + 1).filter((e) => isAshaRung(e, DEFAULT_EARLY_TERMINATION));
    case EarlyTermination.MEDIAN:
      return Array.from({ length: Math.max(0, planned - 1) }, (_, i) => i + 1).filter((e) => e >= DEFAULT_EARLY_TERMINATION.grace);
    default:
      return [];
  }
}
