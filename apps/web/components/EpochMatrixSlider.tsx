"use client";
/**
 * An epoch slider over confusion matrices: one stop per epoch that reported a matrix, and a last
 * stop for the delivered model's evaluation, so a user sees when a class starts to be confused.
 */

export function EpochMatrixSlider({
  epochs,
  value,
  onChange,
  deliveredLabel,
}: {
  epochs: readonly number[];
  /** The epoch shown; null for the delivered model. */
  value: number | null;
  onChange: (epoch: number | null) => void;
  deliveredLabel: string;
}) {
  if (epochs.length === 0) return null;
  const index = value === null ? epochs.length : Math.max(0, epochs.indexOf(value));
  return (
    <div className="row" style={{ margin: "4px 0 8px" }} data-testid="matrix-slider">
      <label className="muted" htmlFor="matrix-epoch">
        epoch
      </label>
      <input
        id="matrix-epoch"
        type="range"
        min={0}
        max={epochs.length}
        step={1}
        value={index}
        onChange={(e) => {
          const i = Number(e.target.value);
          onChange(i >= epochs.length ? null : (epochs[i] ?? null));
        }}
        aria-valuetext={value === null ? deliveredLabel : `epoch ${value}`}
        data-testid="matrix-epoch"
        style={{ flex: 1, maxWidth: 320 }}
      />
      <span data-testid="matrix-epoch-label">{value === null ? deliveredLabel : `epoch ${value}`}</span>
    </div>
  );
}
