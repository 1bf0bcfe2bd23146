/**
 * Every PostgreSQL table and relation of Graft's database, the twins of ../schema.ts (same export
 * names, same SQL names; twins.test.ts holds them to it): the barrel drizzle-kit and drizzle() read.
 */
export * from "./tables/agents";
export * from "./tables/artifacts";
export * from "./tables/checkpoints";
export * from "./tables/datasets";
export * from "./tables/epochs";
export * from "./tables/evaluations";
export * from "./tables/experiments";
export * from "./tables/notes";
export * from "./tables/predictions";
export * from "./tables/run-tags";
export * from "./tables/runs";
export * from "./tables/storage-probe";
export * from "./tables/sweeps";
export * from "./tables/test-set-evaluations";
