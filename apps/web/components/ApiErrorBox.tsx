import { apiFailure } from "../lib/api-error";

/**
 * A failed mutation as the API answered it: its messages verbatim and its code. A CONFLICT reads
 * as a refusal (nothing changed; the state forbids it now), BAD_USER_INPUT as input not accepted.
 */
export function ApiErrorBox({ error, testId }: { error: unknown; testId?: string }) {
  const f = apiFailure(error);
  const head = f.refused ? "Refused." : f.code === "BAD_USER_INPUT" ? "Not accepted." : "Something went wrong.";
  return (
    <div className="error-box" role="alert" data-testid={testId} data-code={f.code ?? undefined}>
      <b>{head}</b>{" "}
      {f.messages.map((m, i) => (
        <span key={i}>
          {i > 0 ? "; " : null}
          {m}
        </span>
      ))}
      {f.code ? <code className="code-tag">{f.code}</code> : null}
    </div>
  );
}
