"use client";
/**
 * Launch a sweep: dataset (pick or register by path), experiment (pick or create), the search
 * space, strategy and early termination. Every field is validated inline (lib/sweep-plan), the
 * planned run count is shown before launching, and the API's messages are shown as they come.
 */
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { EarlyTermination, SweepStrategy } from "../../gql/graphql";
import { gql, GraphQLRequestError } from "../../lib/graphql-client";
import { useQuery } from "../../lib/hooks";
import { createSweepOnce, LaunchKeys, navigateWithFallback } from "../../lib/launch-sweep";
import { CreateExperimentMutation, LaunchOptionsQuery, RegisterDatasetMutation } from "../../lib/operations";
import { validateSweepForm, type SweepForm } from "../../lib/sweep-plan";
import { ErrorBox, Skeleton } from "../States";

const INITIAL: SweepForm = {
  name: "", datasetId: "", experimentId: "", baseModels: [], headSizes: "128", augmentations: ["none"], fineTuneLayers: "0",
  learningRates: "0.001", epochs: "5", fineTuneEpochs: "0", strategy: "GRID", maxRuns: "", seed: "0", earlyTermination: "NONE",
  earlyStoppingPatience: "", reduceLrPatience: "", reduceLrFactor: "", minLearningRate: "",
};

/** A small demo: 2 learning rates × 2 heads on the smallest model, 3 epochs. */
const DEMO: Partial<SweepForm> = { name: "demo sweep", headSizes: "64; 128", learningRates: "0.001, 0.003", epochs: "3" };

function messages(e: unknown): string[] {
  return e instanceof GraphQLRequestError ? e.messages : [(e as Error).message];
}

/** The launch form. */
export function LaunchSweepForm({ demo }: { demo: boolean }) {
  const router = useRouter();
  const opts = useQuery(LaunchOptionsQuery, {});
  const [form, setForm] = useState<SweepForm>(demo ? { ...INITIAL, ...DEMO } : INITIAL);
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
  const [experimentMsg, setExperimentMsg] = useState<string[]>([]);

  // Sensible defaults once the options arrive: the first dataset/experiment/model.
  useEffect(() => {
    const d = opts.data;
    if (!d) return;
    setForm((f) => ({
      ...f,
      datasetId: f.datasetId || d.datasets[0]?.id || "",
      experimentId: f.experimentId || d.experiments[0]?.id || "",
      baseModels: f.baseModels.length > 0 ? f.baseModels : d.baseModels[0] ? [d.baseModels[0].name] : [],
    }));
  }, [opts.data]);

  const { errors, planned, input } = useMemo(() => validateSweepForm(form), [form]);
  const set = <K extends keyof SweepForm>(key: K, value: SweepForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((t) => new Set(t).add(key));
  };
  const shown = (key: keyof SweepForm) => (submitted || touched.has(key) ? errors[key] : undefined);

  if (opts.error && !opts.data) return <ErrorBox error={opts.error} retry={() => void opts.refetch()} />;
  if (!opts.data) return <Skeleton rows={8} height={40} />;
  const { datasets, experiments, baseModels, augmentationPresets } = opts.data;

  const registerDataset = async () => {
    setDatasetMsg([]);
    if (!datasetPath.trim()) return setDatasetMsg([`Enter a folder path (got "${datasetPath}")`]);
    try {
      const r = await gql(RegisterDatasetMutation, { path: datasetPath.trim() });
      await opts.refetch();
      set("datasetId", r.registerDataset.id);
      setDatasetMsg([`Registered "${r.registerDataset.name}": ${r.registerDataset.imageCount} images in ${r.registerDataset.classes.length} classes`]);
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
    <form className="panel" onSubmit={(e) => { e.preventDefault(); void launch(); }} noValidate data-testid="launch-form">
      <div className="page-head"><div><h1>Launch a sweep</h1><div className="sub">Runs are queued and picked up by agents.</div></div></div>
      <div className="form-grid">
        <label htmlFor="dataset">Dataset</label>
        <Field error={shown("datasetId")} hint={dataset ? `${dataset.imageCount} images · ${dataset.classes.map((c) => `${c.name} (${c.count})`).join(", ")}` : undefined}>
          <select id="dataset" value={form.datasetId} onChange={(e) => set("datasetId", e.target.value)} aria-invalid={Boolean(shown("datasetId"))}>
            <option value="">— pick a registered dataset —</option>
            {datasets.map((d) => <option key={d.id} value={d.id}>{d.name} ({d.imageCount} images)</option>)}
          </select>
          <div className="row" style={{ marginTop: 6 }}>
            <input data-testid="dataset-path" placeholder="or register a folder: /data/leaves" value={datasetPath} onChange={(e) => setDatasetPath(e.target.value)} style={{ flex: 1, minWidth: 280 }} />
            <button type="button" onClick={() => void registerDataset()} data-testid="register-dataset">Register</button>
          </div>
          {datasetMsg.map((m) => <div key={m} className={m.startsWith("Registered") ? "hint" : "field-error"} data-testid="dataset-message">{m}</div>)}
        </Field>

        <label htmlFor="experiment">Experiment</label>
        <Field error={shown("experimentId")}>
          <select id="experiment" value={form.experimentId} onChange={(e) => set("experimentId", e.target.value)} aria-invalid={Boolean(shown("experimentId"))}>
            <option value="">— pick an experiment —</option>
            {experiments.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
          <div className="row" style={{ marginTop: 6 }}>
            <input data-testid="new-experiment" placeholder="or create one: name" value={newExperiment} onChange={(e) => setNewExperiment(e.target.value)} />
            <button type="button" onClick={() => void createExperiment()} data-testid="create-experiment">Create</button>
          </div>
          {experimentMsg.map((m) => <div key={m} className="field-error">{m}</div>)}
        </Field>

        <label htmlFor="name">Sweep name</label>
        <Field hint="Optional."><input id="name" value={form.name} onChange={(e) => set("name", e.target.value)} /></Field>

        <label>Base models</label>
        <Field error={shown("baseModels")}>
          <div className="checks">
            {baseModels.map((m) => (
              <label key={m.name} title={m.description}>
                <input type="checkbox" name="baseModel" value={m.name} checked={form.baseModels.includes(m.name)}
                  onChange={(e) => set("baseModels", e.target.checked ? [...form.baseModels, m.name] : form.baseModels.filter((x) => x !== m.name))} /> {m.name}
              </label>
            ))}
          </div>
        </Field>

        <label htmlFor="heads">Head sizes</label>
        <Field error={shown("headSizes")} hint='Heads separated by ";", layers by "," — "128; 256,128" is two heads. "linear" = no hidden layer.'>
          <input id="heads" value={form.headSizes} onChange={(e) => set("headSizes", e.target.value)} aria-invalid={Boolean(shown("headSizes"))} />
        </Field>

        <label>Augmentation presets</label>
        <Field error={shown("augmentations")}>
          <div className="checks">
            {augmentationPresets.map((p) => (
              <label key={p.name} title={p.ops}>
                <input type="checkbox" name="augmentation" value={p.ops} checked={form.augmentations.includes(p.ops)}
                  onChange={(e) => set("augmentations", e.target.checked ? [...form.augmentations, p.ops] : form.augmentations.filter((x) => x !== p.ops))} /> {p.name}
                {p.name !== p.ops ? <span className="muted"> ({p.ops})</span> : null}
              </label>
            ))}
          </div>
        </Field>

        <label htmlFor="depths">Fine-tune depths</label>
        <Field error={shown("fineTuneLayers")} hint="Layers of the base to unfreeze, comma-separated; 0 = head only.">
          <input id="depths" value={form.fineTuneLayers} onChange={(e) => set("fineTuneLayers", e.target.value)} aria-invalid={Boolean(shown("fineTuneLayers"))} />
        </Field>

        <label htmlFor="lrs">Learning rates</label>
        <Field error={shown("learningRates")} hint="Comma-separated, e.g. 0.001, 3e-4.">
          <input id="lrs" value={form.learningRates} onChange={(e) => set("learningRates", e.target.value)} aria-invalid={Boolean(shown("learningRates"))} />
        </Field>

        <label htmlFor="epochs">Epochs / fine-tune epochs</label>
        <Field error={shown("epochs") ?? shown("fineTuneEpochs")}>
          <div className="row">
            <input id="epochs" type="number" min={1} value={form.epochs} onChange={(e) => set("epochs", e.target.value)} aria-invalid={Boolean(shown("epochs"))} style={{ width: 90 }} />
            <input aria-label="fine-tune epochs" id="ftEpochs" type="number" min={0} value={form.fineTuneEpochs} onChange={(e) => set("fineTuneEpochs", e.target.value)} aria-invalid={Boolean(shown("fineTuneEpochs"))} style={{ width: 90 }} />
          </div>
        </Field>

        <label htmlFor="earlyStoppingPatience">Early stopping</label>
        <Field error={shown("earlyStoppingPatience")}
          hint="Optional, for every run and each phase: stop after this many epochs without a better val loss and keep the best epoch's weights (Keras EarlyStopping, restore_best_weights). Empty = train every epoch.">
          <div className="row">
            <span>patience</span>
            <input id="earlyStoppingPatience" aria-label="early stopping patience" value={form.earlyStoppingPatience} placeholder="off" onChange={(e) => set("earlyStoppingPatience", e.target.value)} aria-invalid={Boolean(shown("earlyStoppingPatience"))} style={{ width: 70 }} />
          </div>
        </Field>

        <label htmlFor="reduceLrPatience">Reduce LR on plateau</label>
        <Field error={shown("reduceLrPatience") ?? shown("reduceLrFactor") ?? shown("minLearningRate")}
          hint="Optional, for every run: after this many epochs without a better val loss, multiply the learning rate by the factor (default 0.5), never below the min LR (default 0; below every learning rate, and below the fine-tune rate when fine-tuning). Empty patience = off.">
          <div className="row">
            <span>patience</span>
            <input id="reduceLrPatience" aria-label="reduce LR patience" value={form.reduceLrPatience} placeholder="off" onChange={(e) => set("reduceLrPatience", e.target.value)} aria-invalid={Boolean(shown("reduceLrPatience"))} style={{ width: 70 }} />
            <span>factor</span>
            <input id="reduceLrFactor" aria-label="reduce LR factor" value={form.reduceLrFactor} placeholder="0.5" onChange={(e) => set("reduceLrFactor", e.target.value)} aria-invalid={Boolean(shown("reduceLrFactor"))} style={{ width: 70 }} />
            <span>min LR</span>
            <input id="minLearningRate" aria-label="min learning rate" value={form.minLearningRate} placeholder="0" onChange={(e) => set("minLearningRate", e.target.value)} aria-invalid={Boolean(shown("minLearningRate"))} style={{ width: 90 }} />
          </div>
        </Field>

        <label>Strategy</label>
        <Field error={shown("maxRuns") ?? shown("seed")}>
          <div className="row">
            {(["GRID", "RANDOM"] as SweepStrategy[]).map((s) => (
              <label key={s} style={{ fontWeight: 400 }}><input type="radio" name="strategy" checked={form.strategy === s} onChange={() => set("strategy", s)} /> {s}</label>
            ))}
            <span>max runs</span>
            <input id="maxRuns" aria-label="max runs" value={form.maxRuns} placeholder={form.strategy === "GRID" ? "all" : "required"} onChange={(e) => set("maxRuns", e.target.value)} aria-invalid={Boolean(shown("maxRuns"))} style={{ width: 80 }} />
            <span>seed</span>
            <input id="seed" aria-label="seed" value={form.seed} onChange={(e) => set("seed", e.target.value)} aria-invalid={Boolean(shown("seed"))} style={{ width: 80 }} />
          </div>
        </Field>

        <label htmlFor="early">Early termination</label>
        <Field hint="MEDIAN stops runs below the median of earlier runs at the same epoch; ASHA halves successively.">
          <select id="early" value={form.earlyTermination} onChange={(e) => set("earlyTermination", e.target.value as EarlyTermination)}>
            <option value="NONE">NONE</option><option value="MEDIAN">MEDIAN</option><option value="ASHA">ASHA</option>
          </select>
        </Field>
      </div>
      {apiErrors.length > 0 ? <div className="error-box" role="alert" data-testid="api-errors">{apiErrors.map((m) => <div key={m}>{m}</div>)}</div> : null}
      <div className="launch-bar">
        {launched ? (
          <span data-testid="launched">Sweep created. Opening it… <Link href={`/sweeps/${launched}`}>open the sweep</Link></span>
        ) : (
          <button className="primary" type="submit" disabled={busy} data-testid="launch">{busy ? "Launching…" : `Launch ${planned} run${planned === 1 ? "" : "s"}`}</button>
        )}
        <span data-testid="planned-runs">This sweep will create <b>{planned}</b> run{planned === 1 ? "" : "s"}.</span>
        {submitted && !input ? <span className="field-error">Fix the highlighted fields.</span> : null}
      </div>
    </form>
  );
}

function Field({ error, hint, children }: { error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      {children}
      {error ? <div className="field-error" role="alert">{error}</div> : hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}
