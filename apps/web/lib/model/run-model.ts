/**
 * A run's checkpoint in the browser: TF.js loads the model the API keeps (through the dashboard's
 * proxy), and the pixels come from the API decoded exactly as training decoded them, so the
 * probabilities here equal the agent's recorded ones. Loaded once per run and page.
 */
import * as tf from "@tensorflow/tfjs";
import { type CamModel, type GradCam, type Preprocessing, camModel, gradCam, preprocess } from "@graft/core/explain";

/** What `preprocessing.json` says (the fields used here). */
export interface ModelPreprocessing {
  inputSize: [number, number];
  scaling: Preprocessing;
  featureLayer: string;
}

/** A loaded checkpoint: its labels and input, and Grad-CAM with the probabilities of one image. */
export interface RunModel {
  labels: string[];
  preprocessing: ModelPreprocessing;
  /** TF.js' backend that runs it (webgl, or cpu where WebGL has no float32). */
  backend: string;
  /** Probabilities and the Grad-CAM for `classIndex` (default the predicted class) of one image's RGB bytes. */
  explain(pixels: Uint8Array, classIndex?: number): GradCam;
  /** Frees the model's weights (called when the cache lets it go). */
  dispose(): void;
}

/** Where the dashboard serves a run's checkpoint file. */
export function modelFileUrl(runId: string, file: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/model/${file}`;
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

let backendReady: Promise<string> | null = null;

/**
 * Whether WebGL is drawn in software (SwiftShader, llvmpipe: a machine without a GPU): compiling
 * TF.js' shaders there costs seconds before the first image, where the CPU backend answers at once.
 */
function softwareWebGl(): boolean {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (!gl) return true;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  // Give the probe's context back: browsers keep only a handful alive.
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
}

/**
 * WebGL on a real GPU when it computes in float32 (so results match the agent's to 1e-4), else the
 * CPU backend: no GPU needed, and exact enough.
 */
function readyBackend(): Promise<string> {
  if (backendReady) return backendReady;
  backendReady = (async () => {
    try {
      if (!softwareWebGl() && (await tf.setBackend("webgl")) && tf.env().getBool("WEBGL_RENDER_FLOAT32_CAPABLE")) return "webgl";
    } catch {
      // No WebGL here: the CPU backend below.
    }
    await tf.setBackend("cpu");
    return "cpu";
  })();
  // A failure is not remembered: the next use tries again.
  backendReady.catch(() => (backendReady = null));
  return backendReady;
}

const cache = new Map<string, Promise<RunModel>>();

async function load(runId: string): Promise<RunModel> {
  const backend = await readyBackend();
  const [labels, preprocessing, model] = await Promise.all([
    json<string[]>(modelFileUrl(runId, "labels.json")),
    json<ModelPreprocessing>(modelFileUrl(runId, "preprocessing.json")),
    tf.loadLayersModel(modelFileUrl(runId, "model.json")),
  ]);
  let cam: CamModel;
  try {
    cam = camModel(model, preprocessing.featureLayer);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const [h, w] = preprocessing.inputSize;
  return {
    labels,
    preprocessing,
    backend,
    dispose: () => model.dispose(),
    explain(pixels, classIndex) {
      if (pixels.length !== h * w * 3) throw new Error(`expected ${h}×${w}×3 pixels, got ${pixels.length} bytes`);
      const x = tf.tidy(() => preprocess(tf.tensor3d(pixels, [h, w, 3], "int32"), preprocessing.scaling));
      try {
        return gradCam(cam, x, classIndex);
      } finally {
        x.dispose();
      }
    },
  };
}

/** Models kept loaded at once (Compare shows two); older ones are disposed. */
const KEPT = 2;

/**
 * The run's model, loaded on first use. Keyed by the weights' sha256 too, so a checkpoint replaced
 * by a later attempt is loaded afresh; a failed load is forgotten, so a retry loads again.
 */
export function runModel(runId: string, weightsSha256: string): Promise<RunModel> {
  const key = `${runId}:${weightsSha256}`;
  let pending = cache.get(key);
  if (pending) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, pending);
    return pending;
  }
  pending = load(runId);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > KEPT) {
    const [oldest, evicted] = cache.entries().next().value as [string, Promise<RunModel>];
    cache.delete(oldest);
    evicted.then(
      (m) => m.dispose(),
      () => undefined,
    );
  }
  return pending;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after every earlier queued one, each in its own task: a grid of images asking for
 * Grad-CAM at once is served one by one, and the page stays responsive between them.
 */
export function queued<T>(work: () => T): Promise<T> {
  const next = queue.then(
    () =>
      new Promise<T>((resolve, reject) =>
        setTimeout(() => {
          try {
            resolve(work());
          } catch (error) {
            reject(error);
          }
        }, 0),
      ),
  );
  queue = next.catch(() => undefined);
  return next;
}

async function pixelsFrom(res: Response, size: number): Promise<Uint8Array> {
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      message = ((await res.json()) as { error?: string }).error ?? message;
    } catch {
      // Not JSON: the status is all there is.
    }
    throw new Error(message);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length !== size * size * 3) throw new Error(`expected ${size * size * 3} pixel bytes, got ${bytes.length}`);
  return bytes;
}

/** A dataset image's pixels at `size`, decoded by the API as training decodes them. */
export async function datasetPixels(datasetId: string, file: string, size: number): Promise<Uint8Array> {
  const url = `/api/pixels/${encodeURIComponent(datasetId)}?file=${encodeURIComponent(file)}&size=${size}`;
  return pixelsFrom(await fetch(url), size);
}

/** A dropped or chosen photo's pixels at `size`, decoded by the API (nothing is stored). */
export async function uploadedPixels(image: Blob, size: number): Promise<Uint8Array> {
  return pixelsFrom(await fetch(`/api/pixels?size=${size}`, { method: "POST", body: image }), size);
}
