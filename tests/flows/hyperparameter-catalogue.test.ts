/**
 * One catalogue, one validation: every numeric knob of `@graft/core/contract`'s catalogue, at each
 * bound (accepted) and one step past it (refused), through each consumer: core's config check, the
 * API's createRun over real HTTP, `graft train`'s flag parser, and the dashboard form's check
 * (`checkKnob` over the entry the API serves to the dashboard's own catalogue query). A refusal carries the same
 * message everywhere (`<name> must be <rule>, received <value>`), the rule read from the catalogue.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultTrainConfig } from "@graft/core/config";
import { HYPERPARAMETER_ENTRIES, type HyperparameterSpec, parseHyperparameter } from "@graft/core/contract";
import { checkKnob, type KnobInfo } from "@graft/web/catalogue";
import { HyperparameterCatalogQuery } from "@graft/web/operations";
import { copySubset, startApi, type RunningApi } from "../support";

const INT32_MAX = 2 ** 31 - 1;

type NumericSpec = Extract<HyperparameterSpec, { kind: "float" | "int" }>;

/** Accepted and refused values at each bound of a numeric knob. */
function boundCases(spec: NumericSpec): { accepted: number[]; refused: number[] } {
  const step = spec.kind === "int" ? 1 : Math.max(1e-6, (spec.max - spec.min) * 1e-6);
  const low = spec.kind === "float" && spec.exclusiveMin ? [spec.min + step] : [spec.min];
  const high = spec.kind === "float" && spec.exclusiveMax ? [spec.max - step] : [spec.max];
  const belowLow = spec.kind === "float" && spec.exclusiveMin ? spec.min : spec.min - step;
  const aboveHigh = spec.kind === "float" && spec.exclusiveMax ? spec.max : spec.max + step;
  return { accepted: [...low, ...high], refused: [belowLow, aboveHigh] };
}

// A custom model.json base: its structure is only known once loaded, so the depth bound is the
// catalogue's own; the other knobs are set so the cross-knob rules hold at every bound.
const BASE = "/models/custom/model.json";
const CONTEXT: Record<string, Record<string, unknown>> = {
  fineTuneLayers: { fineTuneEpochs: 1, fineTuneLearningRate: 1, learningRate: 1 },
  minLearningRate: { learningRate: 1, fineTuneLearningRate: 1 },
};

const NUMERIC = HYPERPARAMETER_ENTRIES.filter((e): e is [(typeof e)[0], NumericSpec] => e[1].kind === "float" || e[1].kind === "int");

describe("the hyperparameter catalogue through every consumer", () => {
  let root: string;
  let api: RunningApi;
  let datasetId: string;
  /** The catalogue as the dashboard reads it: its own query, over HTTP. */
  let served: KnobInfo[];
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "graft-catalogue-"));
    copySubset(path.join(root, "data", "leaves"), { classes: 2, perClass: 2 });
    api = await startApi({ dataRoots: [path.join(root, "data")] });
    const r = await api.gql<{ registerDataset: { id: string } }>("mutation($p: String!) { registerDataset(path: $p) { id } }", {
      p: path.join(root, "data", "leaves"),
    });
    datasetId = r.registerDataset.id;
    served = (await api.gql<{ hyperparameterCatalog: KnobInfo[] }>(HyperparameterCatalogQuery.toString())).hyperparameterCatalog;
  });
  afterAll(async () => {
    await api?.stop({ cleanup: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** createRun's answer: the stored value, or the refusal's message. */
  async function viaApi(values: Record<string, unknown>): Promise<{ ok: true } | { ok: false; message: string; code: string }> {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.token}` },
      body: JSON.stringify({
        query: "mutation($input: CreateRunInput!) { createRun(input: $input) { id } }",
        variables: { input: { datasetId, hyperparameters: values } },
      }),
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const e = body.errors?.[0];
    return e ? { ok: false, message: e.message, code: e.extensions?.code ?? "" } : { ok: true };
  }

  /** Core's answer for the same values (inputSize is the API's only). */
  function viaCore(values: Record<string, unknown>): { ok: true } | { ok: false; message: string } {
    const { inputSize: _apiOnly, ...config } = values;
    try {
      defaultTrainConfig(config);
      return { ok: true };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }

  /** `graft train`'s flag parser for the one value. */
  function viaFlag(name: string, value: number): { ok: true } | { ok: false; message: string } {
    try {
      parseHyperparameter(name, String(value));
      return { ok: true };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }

  /** The form's check of the one value, from the served entry. */
  function viaForm(name: string, value: number): { ok: true } | { ok: false; message: string } {
    const info = served.find((k) => k.name === name);
    if (!info) return { ok: false, message: `the served catalogue has no ${name}` };
    const message = checkKnob(info, value);
    return message === null ? { ok: true } : { ok: false, message };
  }

  it("covers every numeric knob", () => {
    expect(NUMERIC.map(([name]) => name)).toEqual(
      expect.arrayContaining(["learningRate", "reduceLrFactor", "minLearningRate", "labelSmoothing", "fineTuneLayers"]),
    );
  });

  for (const [name, spec] of NUMERIC) {
    it(`${name}: accepted at each bound, refused one step past with one message`, async () => {
      const { accepted, refused } = boundCases(spec);
      const context = { baseModel: BASE, headUnits: [8], ...CONTEXT[name] };
      for (const value of accepted) {
        const values = { ...context, [name]: value };
        expect(await viaApi(values), `API ${name}=${value}`).toEqual({ ok: true });
        if (!spec.apiOnly) expect(viaCore(values), `core ${name}=${value}`).toEqual({ ok: true });
        expect(viaFlag(name, value), `flag ${name}=${value}`).toEqual({ ok: true });
        expect(viaForm(name, value), `form ${name}=${value}`).toEqual({ ok: true });
      }
      for (const value of refused) {
        const values = { ...context, [name]: value };
        const answer = await viaApi(values);
        expect(answer.ok, `API ${name}=${value}`).toBe(false);
        if (answer.ok) continue;
        expect(answer.code).toBe("BAD_USER_INPUT");
        if (Math.abs(value) > INT32_MAX) {
          // Past GraphQL's own Int: its coercion refuses the variable before any resolver runs.
          expect(answer.message).toContain(String(value));
          expect(viaCore(values)).toMatchObject({ ok: false });
          expect(viaForm(name, value)).toMatchObject({ ok: false });
          continue;
        }
        expect(answer.message).toMatch(new RegExp(`^${name} must be .*, received ${String(value).replace(/[.+]/g, "\\$&")}$`));
        if (!spec.apiOnly) expect(viaCore(values)).toEqual({ ok: false, message: answer.message });
        expect(viaForm(name, value), `form ${name}=${value}`).toEqual({ ok: false, message: answer.message });
        // `graft train` reads 0 as "off" for a callback's patience (`--patience 0`), as it always has.
        if (!(spec.nullable && value === 0)) expect(viaFlag(name, value)).toEqual({ ok: false, message: answer.message });
      }
    });
  }
});
