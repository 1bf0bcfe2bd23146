import { Skeleton } from "../components/States";

/** Route-level loading state. */
export default function Loading() {
  return <Skeleton rows={6} height={36} />;
}
