import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimedRun, evaluation, Q, registerWorld, type TestServer, startTestServer, type World } from "../../test/fixtures";

// Per-image predictions over real HTTP and a real database (a SQLite file, or PostgreSQL): stored compactly at completion,
// paged back bit for bit (float32), and two runs compared image by image.
let t: TestServer;
let world: World;
let agentId: string;
beforeAll(async () => {
  t = await startTestServer();
  world = await registerWorld(t, "predictions");
  agentId = world.agentId;
});
afterAll(async () => {
  await t.stop();
});

const LABELS = ["healthy", "rust"];

/** 20 images: 10 healthy then 10 rust. */
const FILES = Array.from({ length: 20 }, (_, i) => `${i < 10 ? "healthy" : "rust"}/img${i}.png`);
const Y_TRUE = FILES.map((_, i) => (i < 10 ? 0 : 1));

/** Probabilities that make image i right when `right(i)`, with a confidence that varies by image. */
function probabilities(right: (i: number) => boolean, files = FILES, yTrue = Y_TRUE): string {
  const values = new Float32Array(files.length * 2);
  files.forEach((_, i) => {
    const p = 0.6 + (i % 4) * 0.1; // confidence of the predicted class
    const predicted = right(i) ? (yTrue[i] as number) : 1 - (yTrue[i] as number);
    values[i * 2 + predicted] = p;
    values[i * 2 + 1 - predicted] = 1 - p;
  });
  return Buffer.from(values.buffer).toString("base64");
}

async function completedRun(predictions: Record<string, unknown> | null): Promise<string> {
  const id = await claimedRun(t, world);
  await t.client.data(Q.completeRun, {
    input: { runId: id, agentId, evaluation: { ...evaluation(LABELS), ...(predictions ? { predictions } : {}) } },
  });
  return id;
}

const PAGE = `query($id: ID!, $first: Int, $after: String) { run(id: $id) { predictions(first: $first, after: $after) {
  labels totalCount endCursor hasNextPage nodes { index file trueLabel predictedLabel confidence probabilities } } } }`;
const PAIRED = `query($a: ID!, $b: ID!, $seed: Int) { pairedComparison(a: $a, b: $b, seed: $seed) {
  a b sameValidationSet method imagesA imagesB accuracyA accuracyB accuracyDifference ci95Low ci95High bootstrapSeed bootstrapResamples
  onlyARight onlyBRight mcnemarPValue perClass { label support correctA correctB recallA recallB difference }
  flips { file trueLabel rightRunId predictedA confidenceA predictedB confidenceB } } }`;

interface Paired {
  sameValidationSet: boolean;
  method: string;
  accuracyA: number;
  accuracyB: number;
  accuracyDifference: number;
  ci95Low: number;
  ci95High: number;
  onlyARight: number | null;
  onlyBRight: number | null;
  mcnemarPValue: number | null;
  perClass: { label: string; support: number; correctA: number; correctB: number; recallA: number; recallB: number; difference: number }[];
  flips: { file: string; rightRunId: string; predictedA: string; predictedB: string; confidenceA: number }[];
}

describe("per-image predictions", () => {
  // A: wrong on images 0, 1 (healthy) and 10 (rust): 17/20. B: wrong only on image 12: 19/20.
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await completedRun({ files: FILES, yTrue: Y_TRUE, probabilitiesBase64: probabilities((i) => ![0, 1, 10].includes(i)) });
    b = await completedRun({ files: FILES, yTrue: Y_TRUE, probabilitiesBase64: probabilities((i) => i !== 12) });
  });

  it("are stored in one compact row per run and paged back in validation order, float32 exact", async () => {
    const [row] = await t.sql.query<{ bytes: number; files: string }>(
      "SELECT length(probabilities) AS bytes, files FROM run_predictions WHERE run_id = ?",
      [a],
    );
    if (!row) throw new Error(`no predictions row for ${a}`);
    expect(row.bytes).toBe(20 * 2 * 4);
    const first = (
      await t.client.data<{ run: { predictions: Record<string, unknown> & { nodes: Record<string, unknown>[] } } }>(PAGE, {
        id: a,
        first: 8,
      })
    ).run.predictions;
    expect(first).toMatchObject({ labels: LABELS, totalCount: 20, endCursor: "7", hasNextPage: true });
    expect(first.nodes[0]).toEqual({
      index: 0,
      file: "healthy/img0.png",
      trueLabel: "healthy",
      predictedLabel: "rust",
      confidence: Math.fround(0.6),
      probabilities: [Math.fround(1 - 0.6), Math.fround(0.6)],
    });
    const last = (
      await t.client.data<{ run: { predictions: { nodes: { index: number }[]; hasNextPage: boolean; endCursor: string } } }>(PAGE, {
        id: a,
        first: 500,
        after: "7",
      })
    ).run.predictions;
    expect(last.nodes.map((n) => n.index)).toEqual(Array.from({ length: 12 }, (_, i) => 8 + i));
    expect(last).toMatchObject({ hasNextPage: false, endCursor: "19" });
  });

  it("compares two runs on the same images: difference, seeded paired bootstrap, exact McNemar, per class, flips", async () => {
    const r = (await t.client.data<{ pairedComparison: Paired }>(PAIRED, { a, b, seed: 3 })).pairedComparison;
    expect(r).toMatchObject({ sameValidationSet: true, method: "paired", onlyARight: 1, onlyBRight: 3 });
    expect(r.accuracyA).toBeCloseTo(0.85, 12);
    expect(r.accuracyB).toBeCloseTo(0.95, 12);
    expect(r.accuracyDifference).toBeCloseTo(0.1, 12);
    // Exact McNemar on 1 vs 3 discordant images: 2 · P(X ≤ 1), X ~ Binomial(4, ½) = 2 · 5/16.
    expect(r.mcnemarPValue).toBeCloseTo(0.625, 12);
    expect(r.ci95Low).toBeLessThanOrEqual(0.1);
    expect(r.ci95High).toBeGreaterThanOrEqual(0.1);
    // Seeded: the same seed gives the same interval.
    const again = (await t.client.data<{ pairedComparison: Paired }>(PAIRED, { a, b, seed: 3 })).pairedComparison;
    expect([again.ci95Low, again.ci95High]).toEqual([r.ci95Low, r.ci95High]);
    expect(r.perClass).toEqual([
      { label: "healthy", support: 10, correctA: 8, correctB: 10, recallA: 0.8, recallB: 1, difference: expect.closeTo(0.2, 12) },
      { label: "rust", support: 10, correctA: 9, correctB: 9, recallA: 0.9, recallB: 0.9, difference: 0 },
    ]);
    // Flips: the off-diagonal of the two runs' agreement, each way.
    expect(r.flips.map((f) => [f.file, f.rightRunId === a ? "A" : "B", f.predictedA, f.predictedB])).toEqual([
      ["healthy/img0.png", "B", "rust", "healthy"],
      ["healthy/img1.png", "B", "rust", "healthy"],
      ["rust/img10.png", "B", "healthy", "rust"],
      ["rust/img12.png", "A", "rust", "healthy"],
    ]);
  });

  it("compares runs on different images unpaired, and says so", async () => {
    const files = FILES.slice(0, 16);
    const c = await completedRun({
      files,
      yTrue: Y_TRUE.slice(0, 16),
      probabilitiesBase64: probabilities(() => true, files, Y_TRUE.slice(0, 16)),
    });
    const r = (await t.client.data<{ pairedComparison: Paired }>(PAIRED, { a, b: c })).pairedComparison;
    expect(r).toMatchObject({
      sameValidationSet: false,
      method: "unpaired",
      onlyARight: null,
      mcnemarPValue: null,
      perClass: [],
      flips: [],
    });
    expect(r.accuracyB).toBe(1);
    expect(r.ci95Low).toBeLessThan(r.ci95High);
  });

  it("refuses bad predictions with a coded error naming the problem, and completes nothing", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { files: FILES, yTrue: Y_TRUE.slice(1), probabilitiesBase64: probabilities(() => true) },
        /yTrue must have one class per file \(20\), received 19/,
      ],
      [
        { files: FILES, yTrue: Y_TRUE.map(() => 2), probabilitiesBase64: probabilities(() => true) },
        /yTrue\[0\] must be a label index in \[0, 1\], received 2/,
      ],
      [{ files: FILES, yTrue: Y_TRUE, probabilitiesBase64: "not base64!" }, /must be base64/],
      [
        { files: [...FILES.slice(0, 19), FILES[0]], yTrue: Y_TRUE, probabilitiesBase64: probabilities(() => true) },
        /files must name each image once, received "healthy\/img0.png" twice/,
      ],
      [
        { files: FILES, yTrue: Y_TRUE, probabilitiesBase64: Buffer.alloc(12).toString("base64") },
        /must hold 20 × 2 float32 values \(160 bytes\), received 12 bytes/,
      ],
      [
        { files: FILES, yTrue: Y_TRUE, probabilitiesBase64: Buffer.from(new Float32Array(40).fill(Number.NaN).buffer).toString("base64") },
        /probability 0 \(image 0\) must be in \[0, 1\], received NaN/,
      ],
    ];
    for (const [predictions, message] of cases) {
      const id = await claimedRun(t, world);
      const e = await t.client.errorCode(Q.completeRun, {
        input: { runId: id, agentId, evaluation: { ...evaluation(LABELS), predictions } },
      });
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.message).toMatch(message);
      const status = (await t.client.data<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, { id })).run.status;
      expect(status).toBe("RUNNING");
    }
  });

  it("answers null for a run without predictions, and a coded error when comparing it", async () => {
    const old = await completedRun(null);
    const page = (await t.client.data<{ run: { predictions: unknown } }>(PAGE, { id: old })).run.predictions;
    expect(page).toBeNull();
    const e = await t.client.errorCode(PAIRED, { a, b: old });
    expect(e.code).toBe("NOT_FOUND");
    expect(e.message).toContain("has no stored predictions");
    expect((await t.client.errorCode(PAIRED, { a, b: a })).code).toBe("BAD_USER_INPUT");
    expect((await t.client.errorCode(PAIRED, { a, b: "nope" })).code).toBe("NOT_FOUND");
    expect((await t.client.errorCode(PAGE, { id: a, first: 501 })).message).toContain("first must be an integer in [1, 500], received 501");
    expect((await t.client.errorCode(PAGE, { id: a, after: "x" })).code).toBe("BAD_USER_INPUT");
  });

  it("compares two groups of runs (seeds of two configurations) on one validation set", async () => {
    const run = (wrong: number[]) =>
      completedRun({ files: FILES, yTrue: Y_TRUE, probabilitiesBase64: probabilities((i) => !wrong.includes(i)) });
    const groupA = [await run([0, 1, 2, 3]), await run([0, 1, 4, 5, 6, 7])]; // 80%, 70%
    const groupB = [await run([0]), await run([])]; // 95%, 100%
    const GROUPS = `query($a: [ID!]!, $b: [ID!]!) { groupComparison(a: $a, b: $b, seed: 1) {
      images accuracyA accuracyB stdA stdB accuracyDifference ci95Low ci95High bootstrapResamples } }`;
    const r = (await t.client.data<{ groupComparison: Record<string, number> }>(GROUPS, { a: groupA, b: groupB }))
      .groupComparison as Record<string, number>;
    expect(r.images).toBe(20);
    expect(r.accuracyA).toBeCloseTo(0.75, 12);
    expect(r.accuracyB).toBeCloseTo(0.975, 12);
    expect(r.stdA).toBeCloseTo(Math.sqrt(0.005), 12);
    expect(r.accuracyDifference).toBeCloseTo(0.225, 12);
    expect(r.ci95Low).toBeLessThanOrEqual(0.225);
    expect(r.ci95High).toBeGreaterThanOrEqual(0.225);
    expect(r.bootstrapResamples).toBe(2000);
    // A run on other images, a run in both groups, a run without predictions: coded errors.
    const other = await completedRun({
      files: FILES.slice(0, 16),
      yTrue: Y_TRUE.slice(0, 16),
      probabilitiesBase64: probabilities(() => true, FILES.slice(0, 16), Y_TRUE.slice(0, 16)),
    });
    const mismatch = await t.client.errorCode(GROUPS, { a: groupA, b: [other] });
    expect(mismatch.code).toBe("BAD_USER_INPUT");
    expect(mismatch.message).toContain("was evaluated on other images");
    expect((await t.client.errorCode(GROUPS, { a: groupA, b: [groupA[0]] })).code).toBe("BAD_USER_INPUT");
    expect((await t.client.errorCode(GROUPS, { a: groupA, b: [await completedRun(null)] })).code).toBe("NOT_FOUND");
  });

  it("are deleted with their run", async () => {
    await t.sql.run("DELETE FROM runs WHERE id = ?", [b]);
    expect(await t.sql.query("SELECT count(*) AS n FROM run_predictions WHERE run_id = ?", [b])).toEqual([{ n: 0 }]);
  });
});
