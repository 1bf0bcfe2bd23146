/** Shared loading / error placeholders. */

/** Grey shimmering blocks while data loads. */
export function Skeleton({ rows = 4, height = 28 }: { rows?: number; height?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ height, marginBottom: 8 }} />
      ))}
    </div>
  );
}

/** An error with the API's message and an optional retry. */
export function ErrorBox({ error, retry }: { error: Error | string; retry?: () => void }) {
  const message = typeof error === "string" ? error : error.message;
  return (
    <div className="error-box" role="alert">
      <b>Something went wrong.</b> {message}
      {retry ? (
        <>
          {" "}
          <button onClick={retry}>Retry</button>
        </>
      ) : null}
    </div>
  );
}
