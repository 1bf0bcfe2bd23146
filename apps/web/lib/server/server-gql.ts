/**
 * Server-side GraphQL straight to the API (server components prefetch with it so the first
 * paint already has data instead of waiting for hydration and a client round trip).
 */
import type { TypedDocumentString } from "../../gql/graphql";
import { apiEndpoints, apiToken } from "./api-config";

/** Runs an operation against the API; returns null on any failure so the client can retry. */
export async function serverGql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult | null> {
  try {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const token = await apiToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(apiEndpoints().graphql, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
      cache: "no-store",
    });
    const json = (await res.json()) as { data?: TResult | null; errors?: unknown[] };
    return res.ok && !json.errors?.length && json.data ? json.data : null;
  } catch {
    return null;
  }
}
