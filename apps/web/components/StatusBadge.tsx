/** A coloured status pill for runs, sweeps and agents. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="badge" data-status={status}>
      {status.replace("_", " ").toLowerCase()}
    </span>
  );
}
