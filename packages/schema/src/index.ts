/** @graft/schema: tables (./db), GraphQL types (./graphql) and the base-weights identity rules (./base-weights). */
export * from "./base-weights";
