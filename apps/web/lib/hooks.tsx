"use client";
/**
 * Client data hooks: a small query hook over the proxy and a subscription hook over one shared
 * graphql-ws client. Small on purpose; the dashboard needs no normalised cache.
 */
import { createClient, type Client } from "graphql-ws";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { HyperparameterCatalogQuery, TypedDocumentString } from "../gql/graphql";
import type { Catalogue } from "./catalogue";
import { gql } from "./graphql-client";
import { HyperparameterCatalogQuery as CatalogueDocument } from "./operations";
import type { PublicApiConfig } from "./server/api-config";
import { resolveWsUrl } from "./ws-url";

const ApiConfigContext = createContext<PublicApiConfig>({ wsUrl: null, port: "4000" });

/** Puts the runtime (server-read) API config in context for the subscription client. */
export function ApiConfigProvider({ config, children }: { config: PublicApiConfig; children: ReactNode }) {
  return <ApiConfigContext.Provider value={config}>{children}</ApiConfigContext.Provider>;
}

let shared: { url: string; client: Client } | null = null;

/** Live-connection state shown in the nav bar. */
type WsState = "idle" | "connecting" | "live" | "offline";
const wsListeners = new Set<(s: WsState) => void>();
let wsState: WsState = "idle";
/** Open subscriptions: a lazy client closes when none is left, which is not "offline". */
let activeSubscriptions = 0;
function setWsState(s: WsState) {
  wsState = s;
  for (const l of wsListeners) l(s);
}

function wsClient(url: string): Client {
  if (shared?.url === url) return shared.client;
  shared?.client.dispose();
  const client = createClient({
    url,
    lazy: true,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Back off to at most 5 s: an API restart should be picked up quickly.
    retryWait: async (n) => new Promise((r) => setTimeout(r, Math.min(5000, 300 * 2 ** n))),
    shouldRetry: () => true,
    on: {
      connected: () => setWsState("live"),
      closed: () => setWsState(activeSubscriptions > 0 ? "offline" : "idle"),
      connecting: () => setWsState("connecting"),
    },
  });
  shared = { url, client };
  return client;
}

/** The current subscription connection state. */
export function useWsState(): WsState {
  const [s, set] = useState<WsState>(wsState);
  useEffect(() => {
    wsListeners.add(set);
    return () => void wsListeners.delete(set);
  }, []);
  return s;
}

/**
 * Subscribes while mounted and calls `onData` with each event. `key` decides when to resubscribe
 * (variables objects are new every render). `onReconnect` runs after a dropped connection comes
 * back, so callers can refetch what they missed.
 */
export function useSubscription<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  onData: (data: TResult) => void,
): void {
  const config = useContext(ApiConfigContext);
  const cb = useRef(onData);
  cb.current = onData;
  const key = variables === null ? null : JSON.stringify(variables);
  useEffect(() => {
    if (key === null) return;
    const client = wsClient(resolveWsUrl(config, window.location));
    activeSubscriptions++;
    const dispose = client.subscribe<TResult>(
      { query: document.toString(), variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: (msg) => {
          if (msg.data) cb.current(msg.data);
        },
        error: (e) => console.warn("subscription error", e),
        complete: () => undefined,
      },
    );
    return () => {
      activeSubscriptions--;
      dispose();
    };
  }, [config, document, key]);
}

/** Result of useQuery. */
export interface QueryState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  refetch: () => Promise<void>;
  setData: (update: (prev: T | null) => T | null) => void;
}

/** Fetches on mount and whenever the variables change; `pollMs` refetches on an interval. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
  opts?: { pollMs?: number; initialData?: TResult | null },
): QueryState<TResult> {
  const [data, setDataState] = useState<TResult | null>(opts?.initialData ?? null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(variables !== null && !opts?.initialData);
  // Server-prefetched data skips the first client fetch; later variable changes fetch as usual.
  const skipFirst = useRef(Boolean(opts?.initialData));
  const key = variables === null ? null : JSON.stringify(variables);
  const seq = useRef(0);
  const run = useCallback(async () => {
    if (key === null) return;
    const mine = ++seq.current;
    try {
      const d = await gql(document, JSON.parse(key) as TVariables);
      if (mine === seq.current) {
        setDataState(d);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e as Error);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [document, key]);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
    } else {
      setLoading(true);
      void run();
    }
    if (!opts?.pollMs) return;
    const t = setInterval(() => void run(), opts.pollMs);
    return () => clearInterval(t);
  }, [run, opts?.pollMs]);
  const setData = useCallback((update: (prev: TResult | null) => TResult | null) => setDataState(update), []);
  return { data, error, loading, refetch: run, setData };
}

/** The served hyperparameter catalogue, or why it could not be read. */
export interface CatalogueState {
  catalogue: Catalogue | null;
  error: Error | null;
  refetch: () => Promise<void>;
}

/**
 * Reads the hyperparameter catalogue once for the page (`initial` when the server prefetched it);
 * the page passes it down to what derives from it (columns, form fields, labels).
 */
export function useCatalogue(initial?: HyperparameterCatalogQuery | null): CatalogueState {
  const q = useQuery(CatalogueDocument, {}, { initialData: initial ?? null });
  return { catalogue: q.data?.hyperparameterCatalog ?? null, error: q.error, refetch: q.refetch };
}
