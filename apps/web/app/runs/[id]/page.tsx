import { RunView } from "../../../components/run/RunView";

/** `/runs/[id]`: one run, live. */
export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RunView id={id} />;
}
