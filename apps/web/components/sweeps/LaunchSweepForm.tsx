"use client";
/**
 * Launch a sweep: dataset (pick or register by path), experiment (pick or create), one field per
 * knob of the served hyperparameter catalogue (a list per searchable knob, a value per fixed one;
 * those acting across training under "More settings"), strategy and early termination. Every field
 * is validated inline (lib/sweep-plan, the catalogue's one message), the planned run count is shown
 * before launching, and the API's messages are shown as they come.
 */
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { EarlyTermination, SweepStrategy } from "../../gql/graphql";
import { appliesWhenText, type Catalogue, defaultText, listSeparator, nullWord } from "../../lib/catalogue";
import { gql, GraphQLRequestError } from "../../lib/graphql-client";
import { useCatalogue, useQuery } from "../../lib/hooks";
import { createSweepOnce, LaunchKeys, navigateWithFallback } from "../../lib/launch-sweep";
import { CreateExperimentMutation, LaunchOptionsQuery, RegisterDatasetMutation } from "../../lib/operations";
import { type FormKnob, formKnobs, initialSweepForm, validateSweepForm, type SweepForm } from "../../lib/sweep-plan";
import { ErrorBox, Skeleton } from "../States";
import { DeleteDatasetConfirm } from "../datasets/DeleteDatasetConfirm";

/**
 * Element ids that differ from the knob's name, kept for the browser tests and bookmarks that
 * address them (`#lrs`): a DOM naming table only, no knob facts. Other knobs' fields have the knob's name as id.
 */
const LEGACY_IDS: Readonly<Record<string, string>> = {
  headUnits: "heads",
  learningRate: "lrs",
  fineTuneLayers: "depths",
  fineTuneEpochs: "ftEpochs",
};

/** The element id of a knob's field. */
function fieldId(k: FormKnob): string {
  return LEGACY_IDS[k.info.name] ?? k.info.name;
}

/** What each strategy does, under the strategy choice. */
const STRATEGY_HINTS: Readonly<Record<SweepStrategy, string>> = {
  GRID: "GRID runs every combination of the lists (a seeded sample of max runs of them when set).",
  RANDOM: "RANDOM draws max runs distinct combinations with the seed.",
  TPE: "TPE samples each next configuration from the results so far (after 10 seeded random ones); max runs is how many it may try.",
};

/** What each early-termination rule does, under its choice. */
const EARLY_TERMINATION_HINTS: Readonly<Record<EarlyTermination, string>> = {
  NONE: "Every run trains its planned epochs.",
  MEDIAN: "MEDIAN stops a run whose best val accuracy trails the median of earlier runs at the same epoch.",
  ASHA: "ASHA halves successively: at each rung only the better runs go on.",
  HYPERBAND:
    "HYPERBAND puts each run in a bracket with rungs at epochs 3^s, 3^(s+1)…; at a rung only the top third of the bracket goes on, and the last bracket trains every run to the end.",
};

/** A small demo: 2 learning rates × 2 heads on the smallest model, 3 epochs (field text by FormKnob key). */
const DEMO_TEXT: Readonly<Record<string, string>> = { headUnits: "64; 128", learningRates: "0.001, 0.003", epochs: "3" };

function startForm(catalogue: Catalogue, demo: boolean): SweepForm {
  const form = initialSweepForm(catalogue);
  if (!demo) return form;
  const text = { ...form.text };
  // Only fields the catalogue has: a demo value for a knob the API no longer offers is dropped.
  for (const [key, value] of Object.entries(DEMO_TEXT)) if (Object.hasOwn(text, key)) text[key] = value;
  return { ...form, name: "demo sweep", text };
}

function messages(e: unknown): string[] {
  return e instanceof GraphQLRequestError ? e.messages : [(e as Error).message];
}

/** The launch form: its knob fields come from the served catalogue, read once for the page. */
export function LaunchSweepForm({ demo }: { demo: boolean }) {
  const cat = useCatalogue();
  if (cat.error && !cat.catalogue) return <ErrorBox error={cat.error} retry={() => void cat.refetch()} />;
  if (!cat.catalogue) return <Skeleton rows={8} height={40} />;
  return <LaunchForm demo={demo} catalogue={cat.catalogue} />;
}

function LaunchForm({ demo, catalogue }: { demo: boolean; catalogue: Catalogue }) {
  const router = useRouter();
  const opts = useQuery(LaunchOptionsQuery, {});
  const knobs = useMemo(() => formKnobs(catalogue), [catalogue]);
  const [form, setForm] = useState<SweepForm>(() => startForm(catalogue, demo));
  const [moreOpen, setMoreOpen] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Set synchronously, unlike `busy`: a double click fires two submits before React re-renders.
  const inFlight = useRef(false);
  const launchKeys = useRef(new LaunchKeys());
  const [launched, setLaunched] = useState<string | null>(null);
  // The full-load fallback is only for a navigation that stalled with this form still on screen:
  // once the form is gone (the sweep page arrived, or the user went elsewhere) it must not fire.
  const cancelFallback = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelFallback.current?.(), []);
  const [datasetPath, setDatasetPath] = useState("");
  const [datasetMsg, setDatasetMsg] = useState<string[]>([]);
  const [newExperiment, setNewExperiment] = useState(demo ? "First experiment" : "");
  const [deletingDataset, setDeletingDataset] = useState(false);
  const [experimentMsg, setExperimentMsg] = useState<string[]>([]);

  // Sensible defaults once the options arrive: the first dataset/experiment, and the first base
  // model of the registry ticked (the free-text knob's choices are the registry's models).
  useEffect(() => {
    const d = opts.data;
    if (!d) return;
    setForm((f) => {
      const picks = { ...f.picks };
      for (const k of knobs) {
        if (k.widget === "picks" && k.info.kind === "text" && (picks[k.key] ?? []).length === 0 && d.baseModels[0])
          picks[k.key] = [d.baseModels[0].name];
      }
      return { ...f, datasetId: f.datasetId || d.datasets[0]?.id || "", experimentId: f.experimentId || d.experiments[0]?.id || "", picks };
    });
  }, [opts.data, knobs]);

  const { errors, planned, plannedAtMost, configurations, input } = useMemo(() => validateSweepForm(form, catalogue), [form, catalogue]);
  const touch = (key: string) => setTouched((t) => new Set(t).add(key));
  const set = <K extends Exclude<keyof SweepForm, "text" | "picks">>(key: K, value: SweepForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    touch(key);
  };
  const setText = (key: string, value: string) => {
    setForm((f) => ({ ...f, text: { ...f.text, [key]: value } }));
    touch(key);
  };
  const setPicks = (key: string, value: string[]) => {
    setForm((f) => ({ ...f, picks: { ...f.picks, [key]: value } }));
    touch(key);
  };
  const shown = (key: string) => (submitted || touched.has(key) ? errors[key] : undefined);

  if (opts.error && !opts.data) return <ErrorBox error={opts.error} retry={() => void opts.refetch()} />;
  if (!opts.data) return <Skeleton rows={8} height={40} />;
  const { datasets, experiments, baseModels } = opts.data;
  const choicesOf = (k: FormKnob): Choice[] => {
    if (k.info.kind === "text") return baseModels.map((m) => ({ value: m.name, label: m.name, title: m.description }));
    if (k.info.kind === "ops")
      return k.info.presets.map((p) => ({ value: p.ops, label: p.name, title: p.ops, note: p.name !== p.ops ? p.ops : undefined }));
    return k.info.values.map((v) => ({ value: v, label: v }));
  };
  const field = (k: FormKnob) => (
    <KnobField
      key={k.key}
      knob={k}
      catalogue={catalogue}
      text={form.text[k.key] ?? ""}
      picks={form.picks[k.key] ?? []}
      error={shown(k.key)}
      choices={k.widget === "picks" ? choicesOf(k) : []}
      setText={(v) => setText(k.key, v)}
      setPicks={(v) => setPicks(k.key, v)}
    />
  );
  const main = knobs.filter((k) => !k.advanced);
  const more = knobs.filter((k) => k.advanced);
  const moreErrors = more.filter((k) => shown(k.key)).length;
  const moreChanged = more.filter((k) => (form.text[k.key] ?? "").trim() !== "").length;

  const registerDataset = async () => {
    setDatasetMsg([]);
    if (!datasetPath.trim()) return setDatasetMsg([`Enter a folder path (got "${datasetPath}")`]);
    try {
      const r = await gql(RegisterDatasetMutation, { path: datasetPath.trim() });
      await opts.refetch();
      set("datasetId", r.registerDataset.id);
      setDatasetMsg([
        `Registered "${r.registerDataset.name}": ${r.registerDataset.imageCount} images in ${r.registerDataset.classes.length} classes`,
      ]);
    } catch (e) {
      setDatasetMsg(messages(e));
    }
  };
  const createExperiment = async () => {
    setExperimentMsg([]);
    if (!newExperiment.trim()) return setExperimentMsg([`Enter a name (got "${newExperiment}")`]);
    try {
      const r = await gql(CreateExperimentMutation, { input: { name: newExperiment.trim() } });
      await opts.refetch();
      set("experimentId", r.createExperiment.id);
      setExperimentMsg([]);
      setNewExperiment("");
    } catch (e) {
      setExperimentMsg(messages(e));
    }
  };
  const launch = async () => {
    setSubmitted(true);
    setApiErrors([]);
    if (!input || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      // One key per sweep meant: a retry of this same form (after a timeout) cannot double it.
      const sweep = await createSweepOnce(input, launchKeys.current.keyFor(input));
      launchKeys.current.reset();
      setLaunched(sweep.id);
      cancelFallback.current?.();
      cancelFallback.current = navigateWithFallback(`/sweeps/${sweep.id}`, (path) => router.push(path));
    } catch (e) {
      setApiErrors(messages(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const dataset = datasets.find((d) => d.id === form.datasetId);

  return (
    <form
      className="panel"
      onSubmit={(e) => {
        e.preventDefault();
        void launch();
      }}
      noValidate
      data-testid="launch-form"
    >
      <div className="page-head">
        <div>
          <h1>Launch a sweep</h1>
          <div className="sub">Runs are queued and picked up by agents.</div>
        </div>
      </div>
      <div className="form-grid">
        <label htmlFor="dataset">Dataset</label>
        <Field
          error={shown("datasetId")}
          hint={dataset ? `${dataset.imageCount} images · ${dataset.classes.map((c) => `${c.name} (${c.count})`).join(", ")}` : undefined}
        >
          <select
            id="dataset"
            value={form.datasetId}
            onChange={(e) => set("datasetId", e.target.value)}
            aria-invalid={Boolean(shown("datasetId"))}
          >
            <option value="">— pick a registered dataset —</option>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.imageCount} images)
              </option>
            ))}
          </select>
          <div className="row" style={{ marginTop: 6 }}>
            <input
              data-testid="dataset-path"
              placeholder="or register a folder: /data/leaves"
              value={datasetPath}
              onChange={(e) => setDatasetPath(e.target.value)}
              style={{ flex: 1, minWidth: 280 }}
            />
            <button type="button" onClick={() => void registerDataset()} data-testid="register-dataset">
              Register
            </button>
            {dataset ? (
              <button
                type="button"
                className="danger-outline"
                onClick={() => setDeletingDataset((d) => !d)}
                data-testid="dataset-delete"
                title={`Forget "${dataset.name}" with the runs and sweeps trained on it (the photos stay)`}
              >
                Delete dataset
              </button>
            ) : null}
          </div>
          {deletingDataset && dataset ? (
            <div style={{ marginTop: 8 }}>
              <DeleteDatasetConfirm
                key={dataset.id}
                dataset={dataset}
                onCancel={() => setDeletingDataset(false)}
                onDeleted={() => {
                  setDeletingDataset(false);
                  setDatasetMsg([`Deleted "${dataset.name}"; its photos stay in ${dataset.path}`]);
                  set("datasetId", "");
                  void opts.refetch();
                }}
              />
            </div>
          ) : null}
          {datasetMsg.map((m) => (
            <div key={m} className={/^(Registered|Deleted) /.test(m) ? "hint" : "field-error"} data-testid="dataset-message">
              {m}
            </div>
          ))}
        </Field>

        <label htmlFor="experiment">Experiment</label>
        <Field error={shown("experimentId")}>
          <select
            id="experiment"
            value={form.experimentId}
            onChange={(e) => set("experimentId", e.target.value)}
            aria-invalid={Boolean(shown("experimentId"))}
          >
            <option value="">— pick an experiment —</option>
            {experiments.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <div className="row" style={{ marginTop: 6 }}>
            <input
              data-testid="new-experiment"
              placeholder="or create one: name"
              value={newExperiment}
              onChange={(e) => setNewExperiment(e.target.value)}
            />
            <button type="button" onClick={() => void createExperiment()} data-testid="create-experiment">
              Create
            </button>
          </div>
          {experimentMsg.map((m) => (
            <div key={m} className="field-error">
              {m}
            </div>
          ))}
        </Field>

        <label htmlFor="name">Sweep name</label>
        <Field hint="Optional.">
          <input id="name" value={form.name} onChange={(e) => set("name", e.target.value)} />
        </Field>

        {main.map(field)}

        <label>Strategy</label>
        <Field
          error={shown("maxRuns") ?? shown("seed") ?? shown("repeats")}
          hint={`${STRATEGY_HINTS[form.strategy]} repeats: training seeds per configuration (runs differing only in seed are grouped, mean ± std); every run is split with the sweep's seed.`}
        >
          <div className="row">
            {(["GRID", "RANDOM", "TPE"] as const).map((s) => (
              <label key={s} style={{ fontWeight: 400 }} title={STRATEGY_HINTS[s]}>
                <input type="radio" name="strategy" value={s} checked={form.strategy === s} onChange={() => set("strategy", s)} /> {s}
              </label>
            ))}
            <span>max runs</span>
            <input
              id="maxRuns"
              aria-label="max runs"
              value={form.maxRuns}
              placeholder={form.strategy === "GRID" ? "all" : "required"}
              onChange={(e) => set("maxRuns", e.target.value)}
              aria-invalid={Boolean(shown("maxRuns"))}
              style={{ width: 80 }}
            />
            <span>seed</span>
            <input
              id="seed"
              aria-label="seed"
              value={form.seed}
              onChange={(e) => set("seed", e.target.value)}
              aria-invalid={Boolean(shown("seed"))}
              style={{ width: 80 }}
            />
            <span>repeats</span>
            <input
              id="repeats"
              aria-label="repeats"
              value={form.repeats}
              onChange={(e) => set("repeats", e.target.value)}
              aria-invalid={Boolean(shown("repeats"))}
              style={{ width: 60 }}
              data-testid="repeats"
            />
          </div>
        </Field>

        <label htmlFor="early">Early termination</label>
        <Field hint={EARLY_TERMINATION_HINTS[form.earlyTermination]}>
          <select id="early" value={form.earlyTermination} onChange={(e) => set("earlyTermination", e.target.value as EarlyTermination)}>
            {(Object.keys(EARLY_TERMINATION_HINTS) as EarlyTermination[]).map((t) => (
              <option key={t} value={t} title={EARLY_TERMINATION_HINTS[t]}>
                {t}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {more.length > 0 ? (
        <details
          className="more-settings"
          data-testid="more-settings"
          open={moreOpen || moreErrors > 0}
          onToggle={(e) => setMoreOpen(e.currentTarget.open)}
        >
          <summary>
            More settings{" "}
            <span className="muted">
              ({more.map((k) => k.info.label).join(", ")}
              {moreChanged > 0 ? ` · ${moreChanged} set` : ""})
            </span>
          </summary>
          <div className="form-grid">{more.map(field)}</div>
        </details>
      ) : null}
      {apiErrors.length > 0 ? (
        <div className="error-box" role="alert" data-testid="api-errors">
          {apiErrors.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      ) : null}
      <div className="launch-bar">
        {launched ? (
          <span data-testid="launched">
            Sweep created. Opening it… <Link href={`/sweeps/${launched}`}>open the sweep</Link>
          </span>
        ) : (
          <button className="primary" type="submit" disabled={busy} data-testid="launch">
            {busy ? "Launching…" : `Launch ${plannedAtMost ? "up to " : ""}${planned} run${planned === 1 ? "" : "s"}`}
          </button>
        )}
        <span data-testid="planned-runs">
          {form.strategy === "TPE" ? (
            <>
              This sweep will hold <b>{planned}</b> run{planned === 1 ? "" : "s"} (max runs × repeats), sampled one configuration at a time.
            </>
          ) : (
            <>
              This sweep will create {plannedAtMost ? "up to " : ""}
              <b>{planned}</b> run{planned === 1 ? "" : "s"}.
              {form.strategy === "GRID" && configurations.distinct < configurations.product ? (
                <span className="muted" data-testid="planned-distinct">
                  {" "}
                  ({configurations.distinct} configurations of {configurations.product} combinations: those differing only in a knob that
                  does not apply, such as the fine-tuning rate without fine-tuning, run once)
                </span>
              ) : null}
            </>
          )}
        </span>
        {submitted && !input ? <span className="field-error">Fix the highlighted fields.</span> : null}
      </div>
    </form>
  );
}

/** One choice of a picks field. */
interface Choice {
  value: string;
  label: string;
  title?: string;
  note?: string;
}

/** What a knob's field says under it: its description, how to write it, its default and when it applies. */
function knobHint(k: FormKnob, catalogue: Catalogue): string {
  const parts = [k.info.description];
  if (k.widget === "list") {
    parts.push(
      listSeparator(k.info) === ";"
        ? 'Values separated by ";", the layers of one by "," ("128; 256,128" is two); "linear" = no layer. Each value multiplies the runs.'
        : "Comma-separated; each value multiplies the runs.",
    );
  }
  if (k.widget === "value") {
    const word = nullWord(k.info);
    parts.push(`Empty = the default (${defaultText(k.info)})${k.info.nullable ? `; "${word}" = ${word === "off" ? "off" : "null"}` : ""}.`);
  }
  const when = appliesWhenText(k.info, catalogue);
  if (when) parts.push(`Only ${when}.`);
  return parts.join(" ");
}

/** The field of one knob: ticks for choices, a text box for a list or a value, with the one message under it. */
function KnobField({
  knob: k,
  catalogue,
  text,
  picks,
  error,
  choices,
  setText,
  setPicks,
}: {
  knob: FormKnob;
  catalogue: Catalogue;
  text: string;
  picks: string[];
  error?: string;
  choices: Choice[];
  setText: (v: string) => void;
  setPicks: (v: string[]) => void;
}) {
  const id = fieldId(k);
  if (k.widget === "picks") {
    return (
      <>
        <label>{k.info.label}</label>
        <Field error={error} hint={k.info.description}>
          <div className="checks" id={id} role="group" aria-label={k.info.label}>
            {choices.map((c) => (
              <label key={c.value} title={c.title}>
                <input
                  type="checkbox"
                  name={k.info.name}
                  value={c.value}
                  checked={picks.includes(c.value)}
                  onChange={(e) => setPicks(e.target.checked ? [...picks, c.value] : picks.filter((x) => x !== c.value))}
                />{" "}
                {c.label}
                {c.note ? <span className="muted"> ({c.note})</span> : null}
              </label>
            ))}
          </div>
        </Field>
      </>
    );
  }
  return (
    <>
      <label htmlFor={id} title={k.info.rule}>
        {k.info.label}
        {k.widget === "list" ? <span className="muted"> (values)</span> : null}
      </label>
      <Field error={error} hint={knobHint(k, catalogue)}>
        <input
          id={id}
          value={text}
          placeholder={defaultText(k.info)}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(error)}
          data-testid={`knob-${k.info.name}`}
          style={k.widget === "value" ? { width: 120 } : undefined}
        />
      </Field>
    </>
  );
}

function Field({ error, hint, children }: { error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      {children}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="hint">{hint}</div>
      ) : null}
    </div>
  );
}
