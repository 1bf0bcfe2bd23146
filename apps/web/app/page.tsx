import { ExperimentsView } from "../components/experiments/ExperimentsView";

/** `/`: the experiments list (or the first-sweep guide when empty). */
export default function HomePage() {
  return <ExperimentsView />;
}
