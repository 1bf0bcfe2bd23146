/** A GraphQL error as the API returns it. */
export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL response. */
export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

/** Thrown by {@link TestClient.data} when the response has errors. */
export class GqlRequestError extends Error {
  constructor(readonly errors: GqlError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? "?"}: ${e.message}`).join("; "));
  }

  /** The code of the first error. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** A tiny typed GraphQL-over-fetch client for tests and the bench. */
export class TestClient {
  constructor(
    readonly url: string,
    private readonly token: string | null = null,
  ) {}

  /** The same client with another (or no) bearer token. */
  withToken(token: string | null): TestClient {
    return new TestClient(this.url, token);
  }

  /** Sends one operation; returns the HTTP status, data and errors as they came. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.token) headers["authorization"] = `Bearer ${this.token}`;
    const res = await fetch(this.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, ...body };
  }

  /** Sends one operation and returns its data, throwing {@link GqlRequestError} on errors. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length) throw new GqlRequestError(r.errors);
    if (r.data === undefined || r.data === null) throw new Error(`No data (HTTP ${r.status})`);
    return r.data;
  }

  /** The error code the operation fails with (fails the test if it succeeds). */
  async errorCode(query: string, variables: Record<string, unknown> = {}): Promise<{ code: string | undefined; message: string }> {
    const r = await this.request<unknown>(query, variables);
    const first = r.errors?.[0];
    if (!first) throw new Error(`Expected an error, got data ${JSON.stringify(r.data)}`);
    return { code: first.extensions?.code, message: first.message };
  }
}
