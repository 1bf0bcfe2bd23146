/**
 * The model files on the API, over plain HTTP beside GraphQL (binary files do not belong in a JSON
 * body): an agent uploads the delivered checkpoint of the run it holds, `graft export` downloads
 * a run's `model.zip`. Same address and token as the GraphQL client.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseApiUrl } from "@graft/config/api-url";
import { CHECKPOINT_FILES } from "@graft/core/contract";
import { describeCause } from "../graphql/client";

/** The API refused a file request, or could not be reached; `retryable` when trying again may help. */
export class ModelFilesError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "ModelFilesError";
  }
}

/** What the API stored. */
export interface UploadedCheckpoint {
  weightsSha256: string;
  bytes: number;
}

/** Options of {@link ModelFilesClient}. */
export interface ModelFilesOptions {
  /** The API address, as the GraphQL client takes it. */
  url: string;
  token?: string;
  /** Abort after this many ms (default 5 minutes: a checkpoint may be hundreds of MB). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Uploads checkpoints and downloads `model.zip` files. */
export class ModelFilesClient {
  private readonly base: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ModelFilesOptions) {
    this.base = parseApiUrl(options.url).base;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 5 * 60_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  private async send(what: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(url, {
        ...init,
        headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === "TimeoutError" ? `timed out after ${this.timeoutMs} ms` : describeCause(error);
      throw new ModelFilesError(`${what}: API at ${this.base} unreachable (${reason})`, null, null, true);
    }
  }

  private async refusal(what: string, response: Response): Promise<ModelFilesError> {
    let body: { error?: string; code?: string } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // Not JSON (a proxy's page): the status says enough.
    }
    const retryable = response.status >= 500 || response.status === 429;
    return new ModelFilesError(
      `${what}: HTTP ${response.status}${body.code ? ` ${body.code}` : ""}: ${body.error ?? response.statusText}`,
      response.status,
      body.code ?? null,
      retryable,
    );
  }

  /**
   * Uploads the checkpoint folder `dir` (core's four files) for `runId`, which `agentId` holds
   * at `attempt`; `datasetSha256` names the data it learnt from.
   * @throws ModelFilesError (retryable for transport errors and 5xx).
   */
  async uploadCheckpoint(
    runId: string,
    dir: string,
    holder: { agentId: string; attempt: number | null; datasetSha256: string | null },
  ): Promise<UploadedCheckpoint> {
    const form = new FormData();
    for (const name of CHECKPOINT_FILES) form.append(name, new Blob([await readFile(path.join(dir, name))]), name);
    if (holder.datasetSha256 !== null) form.append("datasetSha256", holder.datasetSha256);
    const query = new URLSearchParams({ agentId: holder.agentId, ...(holder.attempt === null ? {} : { attempt: String(holder.attempt) }) });
    const what = `uploading the checkpoint of run ${runId}`;
    const response = await this.send(what, `${this.base}/runs/${encodeURIComponent(runId)}/checkpoint?${query.toString()}`, {
      method: "PUT",
      body: form,
    });
    if (!response.ok) throw await this.refusal(what, response);
    const body = (await response.json()) as { checkpoint: UploadedCheckpoint };
    return body.checkpoint;
  }

  /**
   * Downloads the four files of `runId`'s checkpoint into `dir` (created when missing), so a run
   * trained on another machine can be evaluated here.
   * @throws ModelFilesError (404 when the run has no checkpoint).
   */
  async downloadCheckpoint(runId: string, dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const name of CHECKPOINT_FILES) {
      const what = `downloading ${name} of run ${runId}`;
      const response = await this.send(what, `${this.base}/runs/${encodeURIComponent(runId)}/model/${name}`, { method: "GET" });
      if (!response.ok) throw await this.refusal(what, response);
      await writeFile(path.join(dir, name), new Uint8Array(await response.arrayBuffer()));
    }
  }

  /** Downloads `runId`'s model.zip. @throws ModelFilesError (404 when the run has no checkpoint). */
  async downloadModelZip(runId: string): Promise<Uint8Array> {
    const what = `downloading the model of run ${runId}`;
    const response = await this.send(what, `${this.base}/runs/${encodeURIComponent(runId)}/model.zip`, { method: "GET" });
    if (!response.ok) throw await this.refusal(what, response);
    return new Uint8Array(await response.arrayBuffer());
  }
}
