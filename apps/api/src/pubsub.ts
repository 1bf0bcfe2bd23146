import { createPubSub } from "@graphql-yoga/subscription";
import { type Epoch, type Run } from "@graft/schema/graphql";

/** Topics of Graft's subscriptions. */
export const TOPICS = {
  RUN_UPDATED: "RUN_UPDATED",
  EPOCH_LOGGED: "EPOCH_LOGGED",
} as const;

/** Payload types per topic; EPOCH_LOGGED is keyed by run id. */
export interface GraftPubSubChannels {
  [TOPICS.RUN_UPDATED]: [Run];
  [TOPICS.EPOCH_LOGGED]: [string, Epoch];
  // type-graphql's PubSub contract indexes by arbitrary string
  [key: string]: [unknown] | [string | number, unknown];
}

/**
 * One in-process pub/sub for every server in the process. type-graphql captures its pubSub when
 * a schema is built; ids are globally unique, so servers sharing one instance never cross wires.
 * On SQLite, subscriptions only see events of the process they connect to; on PostgreSQL the
 * other processes' writes arrive as LISTEN/NOTIFY notices and are republished here
 * (db/pg/change-feed.ts, modules/change-relay.ts).
 */
export const pubSub = createPubSub<GraftPubSubChannels>();

/** The pub/sub type the services publish through. */
export type GraftPubSub = typeof pubSub;
