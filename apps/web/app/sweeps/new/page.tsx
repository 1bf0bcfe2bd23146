import { LaunchSweepForm } from "../../../components/sweeps/LaunchSweepForm";

/** `/sweeps/new`: the launch form (`?demo=1` pre-fills a small demo sweep). */
export default async function NewSweepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  return <LaunchSweepForm demo={sp.demo === "1"} />;
}
