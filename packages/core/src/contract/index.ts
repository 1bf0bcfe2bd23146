/** The TF.js-free contract other packages derive from (`@graft/core/contract`). */
export { type EpochPlan, plannedEpochs } from "./derived";
