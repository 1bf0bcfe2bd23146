"use client";
import { ErrorBox } from "../components/States";

/** Route-level error boundary: shows the message and lets the user retry. */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorBox error={error} retry={reset} />;
}
