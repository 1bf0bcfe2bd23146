/**
 * Search over a sweep's space, TF.js-free (`@graft/core/search`): the TPE sampler, the Hyperband
 * early-stopping rule and fANOVA parameter importance. The API calls these; the bench measures them.
 */
export { pointKey, type SearchDimension, type SearchPoint, type Trial } from "./space";
export { suggestTpe, type TpeOptions } from "./tpe";
export {
  DEFAULT_HYPERBAND,
  hyperbandBracketCount,
  hyperbandBracketOf,
  hyperbandDecision,
  hyperbandRungs,
  type HyperbandDecision,
  type HyperbandOptions,
} from "./hyperband";
export { fanovaImportance, type FanovaOptions, type ParameterEffect } from "./fanova";
