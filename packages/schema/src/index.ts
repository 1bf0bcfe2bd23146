/** @graft/schema: tables (./db), GraphQL types (./graphql) and hyperparameter rules (./hyperparameters). */
export * from "./hyperparameters";
