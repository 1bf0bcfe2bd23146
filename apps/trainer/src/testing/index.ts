/**
 * Test helpers other workspaces' tests use (`@graft/trainer/testing`): flows that run
 * fake-agent.ts processes need the numbers each variant reports.
 */
export { variantAccuracy, variantValAccuracy } from "./variant-engine";
