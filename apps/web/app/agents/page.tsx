import { AgentsView } from "../../components/agents/AgentsView";

/** `/agents`: which agents are alive, their backend and current run. */
export default function AgentsPage() {
  return <AgentsView />;
}
