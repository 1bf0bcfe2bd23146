/**
 * Public surface of @graft/trainer for other workspaces (tests/ uses the reporter, client and agent
 * in-process). The CLI itself is `bin/graft.mjs`.
 */
export { runCli, processIo, main } from "./cli";
export { GraphQLClient, GraphQLRequestError, TransportError, isRetryable, graphqlEndpoint } from "./graphql/client";
export * as operations from "./graphql/operations";
export type * from "./graphql/types";
export { RunReporter, JournalBusyError } from "./reporter/reporter";
export { readJournal } from "./reporter/journal";
export { startAgent } from "./agent/agent";
export { executeRun } from "./run/execute";
export { hyperparametersToConfig, configToHyperparameters, epochToInput, evaluationToInput } from "./run/mapping";
