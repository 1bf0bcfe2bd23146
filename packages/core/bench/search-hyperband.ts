/**
 * A Hyperband sweep run one config at a time, as an agent running a sweep's queue would: each run's
 * bracket comes from its config's key, and at each rung of that bracket it asks `hyperbandDecision`
 * with the best val accuracy up to that epoch of the EARLIER runs of the same bracket that reached
 * it (the API's rule, `EpochService`), stopping through `train()`'s `shouldStop` hook.
 */
import { hyperbandBracketCount, hyperbandBracketOf, hyperbandDecision, hyperbandRungs, type HyperbandOptions } from "../src/search";
import type { EpochRecord, TrainHooks } from "../src/types";

/** One run's part in the sweep. */
export interface HyperbandRun {
  bracket: number;
  /** Val accuracy of each epoch the run trained. */
  curve: (number | null)[];
  /** The epoch (a rung) at which the rule stopped it, or null when it trained to the end. */
  stoppedAt: number | null;
  /** The decision's sentence when it stopped. */
  reason: string | null;
}

/** Best val accuracy up to `epoch` (1-based) of a curve, or null when it has none. */
function bestUpTo(curve: readonly (number | null)[], epoch: number): number | null {
  const seen = curve.slice(0, epoch).filter((v): v is number => v !== null && Number.isFinite(v));
  return seen.length === 0 ? null : Math.max(...seen);
}

/** The sweep's state: every run so far, by bracket. */
export class HyperbandSweep {
  readonly runs: HyperbandRun[] = [];

  constructor(readonly options: HyperbandOptions) {}

  /** Starts a run for the config with this key: the hooks to pass to `train()`, and the run's record (filled as it trains). */
  start(key: string): { hooks: TrainHooks; run: HyperbandRun } {
    const { run, decide } = this.begin(key);
    const hooks: TrainHooks = {
      onEpoch: (record: EpochRecord) => {
        run.curve.push(record.valAccuracy);
      },
      shouldStop: decide,
    };
    return { hooks, run };
  }

  /**
   * Replays a run whose full curve is known (training a config is deterministic, so its rerun gives
   * the same val accuracies): the same decisions as {@link start} in a real run, no training.
   * Returns the epochs the run would train.
   */
  replay(key: string, fullCurve: readonly (number | null)[]): number {
    const { run, decide } = this.begin(key);
    for (const valAccuracy of fullCurve) {
      run.curve.push(valAccuracy);
      if (decide() !== null) break;
    }
    return run.curve.length;
  }

  /** Records a new run and returns its decision after each epoch: the stop reason, or null to go on. */
  private begin(key: string): { run: HyperbandRun; decide: () => string | null } {
    const bracket = hyperbandBracketOf(key, this.options);
    const earlier = this.runs.filter((r) => r.bracket === bracket);
    const run: HyperbandRun = { bracket, curve: [], stoppedAt: null, reason: null };
    const decide = (): string | null => {
      const epoch = run.curve.length;
      const peers = earlier
        .filter((r) => r.curve.length >= epoch)
        .map((r) => bestUpTo(r.curve, epoch))
        .filter((v): v is number => v !== null);
      const decision = hyperbandDecision(bestUpTo(run.curve, epoch), peers, epoch, bracket, this.options);
      if (decision?.stop !== true) return null;
      run.stoppedAt = epoch;
      run.reason = decision.reason;
      return decision.reason;
    };
    this.runs.push(run);
    return { run, decide };
  }

  /** Each bracket's rungs (the last bracket has none when maxEpochs is minEpoch·eta^k). */
  rungs(): number[][] {
    return Array.from({ length: hyperbandBracketCount(this.options) }, (_, b) => hyperbandRungs(b, this.options));
  }
}
