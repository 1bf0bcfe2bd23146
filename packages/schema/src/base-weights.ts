/**
 * Which weights a run's base starts from: identity, not a knob (the knobs are the catalogue's, in
 * `@graft/core/contract`). Pure data shared by the GraphQL input and the API's check.
 */

/**
 * A sha256 as runs store it (`baseWeightsSha256`): 64 lowercase hex characters, the form Node's
 * `digest("hex")` and `sha256sum` print, so equal files always compare equal as strings.
 */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Longest `baseWeights` path a run stores: Linux' PATH_MAX. The path is the creating machine's and
 * the API never opens it, so this is only a bound on what it keeps.
 */
export const BASE_WEIGHTS_PATH_MAX_LENGTH = 4096;
