import { SweepView } from "../../../components/sweeps/SweepView";

/** `/sweeps/[id]`: progress, live runs, best run, parameter importance. */
export default async function SweepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SweepView id={id} />;
}
