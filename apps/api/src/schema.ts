import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { JSONResolver } from "graphql-scalars";
import { buildSchema } from "type-graphql";
import { AgentResolver } from "./modules/agent/agent.resolver";
import { CheckpointResolver } from "./modules/checkpoint/checkpoint.resolver";
import { CatalogResolver } from "./modules/catalog/catalog.resolver";
import { ComparisonResolver } from "./modules/comparison/comparison.resolver";
import { PredictionResolver } from "./modules/prediction/prediction.resolver";
import { DatasetResolver } from "./modules/dataset/dataset.resolver";
import { EpochResolver } from "./modules/epoch/epoch.resolver";
import { ExperimentResolver } from "./modules/experiment/experiment.resolver";
import { RunResolver } from "./modules/run/run.resolver";
import { SweepResolver } from "./modules/sweep/sweep.resolver";
import { TestSetResolver } from "./modules/test-set/test-set.resolver";
import { pubSub } from "./pubsub";
import { validateArgument } from "./validation";

let cached: Promise<GraphQLSchema> | null = null;

/** Adds the contract's `JSON` scalar, which no field uses yet but clients' codegen maps. */
function withJsonScalar(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, JSONResolver] });
}

/**
 * Graft's executable schema. Built once per process: it holds no per-server state (services
 * travel in the context; the pub/sub is process-wide), and type-graphql's build context is global.
 */
export function graftSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      DatasetResolver,
      ExperimentResolver,
      RunResolver,
      SweepResolver,
      AgentResolver,
      EpochResolver,
      ComparisonResolver,
      PredictionResolver,
      CatalogResolver,
      CheckpointResolver,
      TestSetResolver,
    ],
    pubSub,
    // class-validator on every input class, through a statically imported validator (see validation.ts).
    validateFn: (value) => validateArgument(value),
  }).then(withJsonScalar);
  return cached;
}

/** The SDL as committed in apps/api/schema.graphql (sorted, so diffs show real changes only). */
export async function printGraftSchema(): Promise<string> {
  const header =
    "# Emitted by apps/api (`npm run schema:emit -w apps/api`); `schema:check` fails when this file is stale.\n" +
    "# The contract between api, trainer and web: change resolvers/types, then re-emit.\n\n";
  return `${header}${printSchema(lexicographicSortSchema(await graftSchema()))}\n`;
}
