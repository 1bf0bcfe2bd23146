/**
 * A dashboard's view of the API's subscriptions: one graphql-ws socket (as apps/web holds) carrying
 * any number of subscriptions, each collecting what it receives, so a flow can compare what a
 * subscriber saw with what the database stored.
 */
import { createClient } from "graphql-ws";
import WebSocket from "ws";

/** What one subscription has received so far. */
export interface Feed<T> {
  /** The payloads (`data`'s only field), in order of arrival. */
  items: T[];
  /** GraphQL errors in results, or the error the subscription ended with. */
  errors: unknown[];
}

/** One graphql-ws connection and its subscriptions. */
export interface SubscriptionSocket {
  /** Subscribes `query` on this socket; the feed fills as results arrive. */
  subscribe<T>(query: string, variables?: Record<string, unknown>): Feed<T>;
  /** How many times the socket closed before {@link SubscriptionSocket.close}: each loses whatever was published meanwhile. */
  unexpectedCloses(): number;
  close(): Promise<void>;
}

/**
 * Opens a graphql-ws connection to the API at `httpUrl` (its `/graphql`) with the token. It never
 * reconnects: a drop would silently skip events, so it counts as a failure for the flow to assert.
 */
export function openSubscriptions(httpUrl: string, token: string): SubscriptionSocket {
  let closes = 0;
  let closing = false;
  const client = createClient({
    url: `${httpUrl.replace(/^http/, "ws").replace(/\/+$/, "")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: {
      closed: () => {
        if (!closing) closes += 1;
      },
    },
  });
  return {
    subscribe<T>(query: string, variables: Record<string, unknown> = {}): Feed<T> {
      const feed: Feed<T> = { items: [], errors: [] };
      client.subscribe<Record<string, T>>(
        { query, variables },
        {
          next: (result) => {
            if (result.errors) feed.errors.push(...result.errors);
            const value = result.data ? Object.values(result.data)[0] : undefined;
            if (value !== undefined) feed.items.push(value);
          },
          error: (error: unknown) => feed.errors.push(error),
          complete: () => undefined,
        },
      );
      return feed;
    },
    unexpectedCloses: () => closes,
    async close() {
      closing = true;
      await client.dispose();
    },
  };
}
