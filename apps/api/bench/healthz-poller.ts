/**
 * The `/healthz` prober of the hostile-documents bench (bench/hostile.ts), in its own process so
 * that neither the API's event loop nor the bench's (busy sending and parsing hostile documents)
 * delays the probes it measures.
 *
 * Open loop: one GET every {@link INTERVAL_MS} whether or not the previous one answered, each timed
 * from when it was due. A server that blocks its event loop for 6 s thus shows ~600 slow probes,
 * not one, and the p99 says so. In-flight probes are bounded (200); a probe that falls due while
 * the bound is reached is not sent but recorded with the time it has already waited.
 */
import { Agent, get } from "node:http";
import { performance } from "node:perf_hooks";

/** A message from the bench: start probing `url`, or stop and report. */
export type PollerCommand = { cmd: "start"; url: string } | { cmd: "stop" };

/** What the poller reports at `stop`: one latency per probe (ms), and how many got no answer. */
export interface PollerReport {
  latencies: number[];
  failed: number;
}

const INTERVAL_MS = 10;
const MAX_IN_FLIGHT = 200;
/** A probe still unanswered this long after `stop` is reported as its elapsed time. */
const STOP_GRACE_MS = 30_000;

const agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
let timer: NodeJS.Timeout | null = null;
let latencies: number[] = [];
let failed = 0;
const inFlight = new Set<Promise<void>>();

function probe(url: string, due: number): void {
  const done = new Promise<void>((resolve) => {
    const req = get(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => {
        latencies.push(performance.now() - due);
        resolve();
      });
    });
    req.setTimeout(STOP_GRACE_MS, () => req.destroy(new Error("timeout")));
    req.on("error", () => {
      failed++;
      latencies.push(performance.now() - due);
      resolve();
    });
  });
  inFlight.add(done);
  void done.then(() => inFlight.delete(done));
}

function start(url: string): void {
  latencies = [];
  failed = 0;
  let due = performance.now();
  const tick = () => {
    // Catch up on every probe that fell due while this process was descheduled.
    while (due <= performance.now()) {
      if (inFlight.size < MAX_IN_FLIGHT) probe(url, due);
      else latencies.push(performance.now() - due);
      due += INTERVAL_MS;
    }
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
  };
  tick();
}

async function stop(): Promise<PollerReport> {
  if (timer) clearTimeout(timer);
  timer = null;
  await Promise.all([...inFlight]);
  return { latencies, failed };
}

process.on("message", (message: PollerCommand) => {
  if (message.cmd === "start") {
    start(message.url);
    process.send?.("started");
  } else {
    void stop().then((report) => process.send?.(report));
  }
});
process.on("disconnect", () => {
  agent.destroy();
  process.exit(0);
});
