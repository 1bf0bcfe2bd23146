/** Graft's GraphQL types (type-graphql classes), shared by the API and anything that builds its schema. */
export * from "./agent.type";
export * from "./catalog.type";
export * from "./checkpoint.type";
export * from "./comparison.type";
export * from "./prediction.type";
export * from "./dataset.type";
export * from "./enums";
export * from "./epoch.type";
export * from "./evaluation.type";
export * from "./experiment.type";
export * from "./misc.input";
export * from "./run.input";
export * from "./run.type";
export * from "./scalars";
export * from "./sweep.input";
export * from "./sweep.type";
export * from "./hyperparameter.fields";
