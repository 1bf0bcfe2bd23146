import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TINY_PNG, type TestServer, registerWorld, startTestServer } from "./test/fixtures";

const PNG = { "content-type": "image/png" };
let HUGE_PNG: Buffer;
let t: TestServer;
let base: string;
let datasetId: string;

beforeAll(async () => {
  // 10000 × 10000 of one colour: a few hundred kB that would decode to 300 MB.
  HUGE_PNG = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#808080" } })
    .png()
    .toBuffer();
  t = await startTestServer();
  base = t.server.url.replace(/\/graphql$/, "");
  datasetId = (await registerWorld(t, "pixels")).datasetId;
});
afterAll(async () => {
  await t.stop();
});

describe("pixels as training decodes them", () => {
  it("decodes a dataset image and the same bytes uploaded to the same RGB pixels", async () => {
    const fromDataset = await fetch(`${base}/datasets/${datasetId}/pixels?file=healthy/img0.png&size=4`);
    expect(fromDataset.status).toBe(200);
    expect(fromDataset.headers.get("x-graft-pixels")).toBe("4x4x3");
    const a = new Uint8Array(await fromDataset.arrayBuffer());
    expect(a.length).toBe(48);
    const uploaded = await fetch(`${base}/pixels?size=4`, { method: "POST", body: TINY_PNG, headers: { "content-type": "image/png" } });
    expect(uploaded.status).toBe(200);
    expect(new Uint8Array(await uploaded.arrayBuffer())).toEqual(a);
  });

  it("refuses bad sizes, paths outside the dataset and bytes that are not an image, with a coded error", async () => {
    const cases: Array<[string, RequestInit | undefined, number, RegExp]> = [
      [`/datasets/${datasetId}/pixels?file=healthy/img0.png&size=0`, undefined, 400, /size must be an integer in \[1, 1024\]; got "0"/],
      [`/datasets/${datasetId}/pixels?file=healthy/img0.png`, undefined, 400, /got null/],
      [`/datasets/${datasetId}/pixels?file=../../outside/a/x.png&size=4`, undefined, 404, /not found/],
      [`/datasets/${datasetId}/pixels?file=healthy/notes.txt&size=4`, undefined, 404, /not found/],
      [
        `/pixels?size=4`,
        { method: "POST", body: Buffer.from("not an image at all"), headers: PNG },
        422,
        /Cannot decode image "the uploaded image"/,
      ],
      [`/pixels?size=4`, { method: "POST", body: Buffer.alloc(0), headers: PNG }, 400, /holds no image/],
      [`/pixels?size=4`, { method: "POST", body: Buffer.alloc(33 * 1024 * 1024), headers: PNG }, 413, /exceeds/],
      // A page on another origin can only send CORS-safelisted types without a preflight: refused.
      [
        `/pixels?size=4`,
        { method: "POST", body: TINY_PNG, headers: { "content-type": "text/plain" } },
        415,
        /image\/\* or application\/octet-stream/,
      ],
      // A photo of more pixels than any camera's is refused before it is decoded.
      [`/pixels?size=4`, { method: "POST", body: HUGE_PNG, headers: PNG }, 422, /pixel limit/],
    ];
    for (const [path, init, status, message] of cases) {
      const res = await fetch(`${base}${path}`, init);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
  });
});
