/**
 * The frozen-part worker's entry (started through `worker.mjs`, which registers tsx first). It
 * selects its own backend (each worker has its own wasm instance: that is where the speed-up
 * comes from, since tfjs-wasm runs single-threaded in Node), loads the base, says "ready", then
 * answers requests; the pool sends it one at a time.
 */
import * as tf from "@tensorflow/tfjs";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { selectBackend } from "../../backend/select";
import { loadFrozenPart, type FrozenPart } from "./frozen-part";
import { serializeError, type ComputeRequest, type WorkerMessage, type WorkerSetup } from "./protocol";

function post(port: MessagePort, message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function start(port: MessagePort, setup: WorkerSetup): Promise<FrozenPart | null> {
  try {
    await selectBackend(setup.backend);
    const part = await loadFrozenPart(setup);
    post(port, { type: "ready", inputSize: part.spec.inputSize });
    return part;
  } catch (error) {
    // Reported as a message rather than thrown, so the pool gets the cause with its name and code.
    post(port, { type: "error", id: null, error: serializeError(error) });
    return null;
  }
}

async function answer(port: MessagePort, part: FrozenPart, request: ComputeRequest): Promise<void> {
  try {
    const s = part.spec.inputSize;
    const compute = part.compute(request.output);
    const out = tf.tidy(() => compute(tf.tensor4d(new Float32Array(request.pixels), [request.n, s, s, 3])));
    const shape = out.shape.slice();
    const data = (await out.data()) as Float32Array;
    out.dispose();
    // Only a typed array that owns its whole buffer can be transferred without sending more.
    const values = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
    const buffer = values.buffer as ArrayBuffer;
    post(port, { type: "result", id: request.id, shape, values: buffer }, [buffer]);
  } catch (error) {
    post(port, { type: "error", id: request.id, error: serializeError(error) });
  }
}

const port = parentPort;
if (port === null) throw new Error("features/workers/worker.ts must run in a worker thread");
const part = await start(port, workerData as WorkerSetup);
if (part === null) port.close();
else port.on("message", (request: ComputeRequest) => void answer(port, part, request));
