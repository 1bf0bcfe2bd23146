import { type TestServer } from "./fixtures";

/** A checkpoint's four files: a one-tensor LayersModel whose two float32 weights are `w`. */
export function checkpointFiles(
  w: [number, number] = [0.5, -1.5],
  labels: string[] = ["healthy", "rust", "spot"],
): Record<string, Uint8Array> {
  const modelJson = {
    format: "layers-model",
    modelTopology: { class_name: "Model", config: { name: "m", layers: [] } },
    weightsManifest: [{ paths: ["weights.bin"], weights: [{ name: "w", shape: [2], dtype: "float32" }] }],
  };
  return {
    "model.json": Buffer.from(JSON.stringify(modelJson)),
    "weights.bin": new Uint8Array(new Float32Array(w).buffer),
    "labels.json": Buffer.from(JSON.stringify(labels)),
    "preprocessing.json": Buffer.from(JSON.stringify({ inputSize: [224, 224], scaling: "mobilenet", formula: "x / 127.5 - 1 (RGB)" })),
  };
}

/** PUT /runs/:id/checkpoint as an agent sends it: files as file parts, strings as fields. */
export async function putCheckpoint(
  t: TestServer,
  runId: string,
  parts: Record<string, Uint8Array | string>,
  query: Record<string, string>,
  token: string | null = t.server.token,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([value]), name);
  }
  const base = t.server.url.replace(/\/graphql$/, "");
  const res = await fetch(`${base}/runs/${runId}/checkpoint?${new URLSearchParams(query).toString()}`, {
    method: "PUT",
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
