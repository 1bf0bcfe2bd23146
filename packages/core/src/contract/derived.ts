/**
 * Facts derived from a run's settings, each computed by one rule here and nowhere else: the API's
 * run summary, `graft train`'s output and the agent's progress all call these. PURE: no TensorFlow.js, so the API and the trainer's CLI import it cheaply
 * (`@graft/core/contract`).
 */

/** The settings planned epochs depend on. */
export interface EpochPlan {
  epochs: number;
  fineTuneLayers: number;
  fineTuneEpochs: number;
}

/**
 * Epochs a run trains when nothing stops it early: the head phase, plus the fine-tuning phase only
 * when it unfreezes layers (fine-tune epochs of a depth-0 run are never trained).
 */
export function plannedEpochs(plan: EpochPlan): number {
  return plan.epochs + (plan.fineTuneLayers > 0 ? plan.fineTuneEpochs : 0);
}
