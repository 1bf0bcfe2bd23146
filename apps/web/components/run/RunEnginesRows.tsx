/**
 * The engine each part of a run computed on (Run.engines): the frozen part may run on ONNX Runtime
 * while the head trains on the TF.js backend. Rows of the Execution panel's list, labelled from the
 * contract's part list so a new part shows up here without another edit.
 */
import { Fragment } from "react";
import { RUN_ENGINE_PARTS, type RunEnginePart } from "@graft/core/contract";

/** Run.engines as the run query reads it. */
export type RunEnginesValue = { [P in RunEnginePart]?: string | null };

const PARTS = Object.keys(RUN_ENGINE_PARTS) as RunEnginePart[];

/** `<dt>/<dd>` pairs, one per part; one "engines: –" row until the run has completed. */
export function RunEnginesRows({ engines }: { engines: RunEnginesValue | null }) {
  if (engines === null)
    return (
      <>
        <dt title="Reported by the agent when the run completes">engines</dt>
        <dd data-testid="run-engines">–</dd>
      </>
    );
  return (
    <>
      {PARTS.map((part) => (
        <Fragment key={part}>
          <dt title={part === "trainable" ? "The TF.js backend" : "The frozen base's forward pass"}>
            {RUN_ENGINE_PARTS[part].label.toLowerCase()}
          </dt>
          <dd data-testid={`run-engine-${part}`}>{engines[part] ?? "– (not in this run)"}</dd>
        </Fragment>
      ))}
    </>
  );
}
