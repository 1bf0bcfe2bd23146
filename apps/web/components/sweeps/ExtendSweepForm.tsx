"use client";
/**
 * "Extend…" on the sweep page: values to add to each searched knob's list (typed as the launch
 * form's lists) and a new max runs. Checked as typed (lib/extend-sweep, the catalogue's message);
 * the API's coded refusal is shown as it comes.
 */
import { Fragment, useMemo, useState } from "react";
import { type Catalogue, listSeparator } from "../../lib/catalogue";
import {
  currentValuesText,
  emptyExtendForm,
  extendableKnobs,
  type ExtendForm,
  type ExtendTarget,
  validateExtendForm,
} from "../../lib/extend-sweep";
import { gql } from "../../lib/graphql-client";
import { ExtendSweepMutation } from "../../lib/operations";
import { ApiErrorBox } from "../ApiErrorBox";

/** Props of ExtendSweepForm. */
export interface ExtendSweepFormProps {
  sweep: ExtendTarget;
  catalogue: Catalogue;
  /** After the API took the extension (the page refetches and closes the form). */
  onExtended: () => void;
  onCancel: () => void;
}

/** The extend form of one sweep. */
export function ExtendSweepForm({ sweep, catalogue, onExtended, onCancel }: ExtendSweepFormProps) {
  const knobs = useMemo(() => extendableKnobs(catalogue), [catalogue]);
  const [form, setForm] = useState<ExtendForm>(emptyExtendForm);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<unknown>(null);
  const plan = useMemo(() => validateExtendForm(form, catalogue, sweep), [form, catalogue, sweep]);
  const submit = async () => {
    setSubmitted(true);
    setApiError(null);
    if (!plan.input || busy) return;
    setBusy(true);
    try {
      await gql(ExtendSweepMutation, { input: plan.input });
      onExtended();
    } catch (e) {
      setApiError(e);
    } finally {
      setBusy(false);
    }
  };
  const budgetHint =
    sweep.strategy === "GRID"
      ? `Now ${sweep.maxRuns ?? "every combination"}. Empty: every new combination is queued.`
      : `Now ${sweep.maxRuns ?? "–"}. The new budget of configurations ${sweep.strategy === "TPE" ? "TPE may try" : "to draw"}, at least what the sweep has.`;
  return (
    <form
      className="panel extend-form"
      data-testid="extend-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Extend the sweep</h3>
      <div className="muted" style={{ fontSize: 12, marginBottom: 10 }}>
        Values added to a list widen the search:{" "}
        {sweep.strategy === "GRID"
          ? "GRID queues the new combinations"
          : sweep.strategy === "RANDOM"
            ? "RANDOM draws more configurations"
            : "TPE samples on from what it knows"}
        . The sweep runs again.
      </div>
      <div className="form-grid">
        {knobs.map((k) => {
          const error = plan.errors[k.key];
          const same = plan.already[k.key];
          return (
            <Fragment key={k.key}>
              <label htmlFor={`extend-${k.info.name}`} title={k.info.rule}>
                {k.info.label} <span className="muted">(add)</span>
              </label>
              <div>
                <input
                  id={`extend-${k.info.name}`}
                  data-testid={`extend-${k.info.name}`}
                  value={form.text[k.key] ?? ""}
                  onChange={(e) => setForm((f) => ({ ...f, text: { ...f.text, [k.key]: e.target.value } }))}
                  aria-invalid={Boolean(error)}
                  placeholder={listSeparator(k.info) === ";" ? 'values separated by ";"' : "comma-separated values"}
                  style={{ width: "100%" }}
                />
                {error ? (
                  <div className="field-error" role="alert">
                    {error}
                  </div>
                ) : (
                  <div className="hint">
                    Searching {currentValuesText(k, sweep) || "–"}
                    {same ? ` · already searched: ${same.map(String).join(", ")}` : ""}
                  </div>
                )}
              </div>
            </Fragment>
          );
        })}
        <label htmlFor="extend-maxRuns">Max runs</label>
        <div>
          <input
            id="extend-maxRuns"
            data-testid="extend-maxRuns"
            value={form.maxRuns}
            onChange={(e) => setForm((f) => ({ ...f, maxRuns: e.target.value }))}
            aria-invalid={Boolean(plan.errors.maxRuns)}
            placeholder={sweep.maxRuns ? String(sweep.maxRuns) : "unchanged"}
            style={{ width: 100 }}
          />
          {plan.errors.maxRuns ? (
            <div className="field-error" role="alert">
              {plan.errors.maxRuns}
            </div>
          ) : (
            <div className="hint">{budgetHint}</div>
          )}
        </div>
      </div>
      {plan.notes.map((n) => (
        <div key={n} className="warn-box" style={{ marginTop: 10 }}>
          {n}
        </div>
      ))}
      {submitted && plan.errors.form ? (
        <div className="field-error" role="alert" data-testid="extend-form-error">
          {plan.errors.form}
        </div>
      ) : null}
      {apiError ? <ApiErrorBox error={apiError} testId="extend-api-error" /> : null}
      <div className="row" style={{ marginTop: 10 }}>
        <button className="primary" type="submit" disabled={busy} data-testid="extend-submit">
          {busy ? "Extending…" : "Extend"}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
