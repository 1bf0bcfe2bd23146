import { Suspense } from "react";
import { ExperimentView } from "../../../components/experiments/ExperimentView";
import { Skeleton } from "../../../components/States";

/** `/experiments/[id]`: the experiment's runs table. */
export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<Skeleton rows={8} />}>
      <ExperimentView id={id} />
    </Suspense>
  );
}
