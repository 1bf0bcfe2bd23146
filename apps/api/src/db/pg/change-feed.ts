import { randomUUID } from "node:crypto";
import pg from "pg";
import { type ChangeFeed, type Changes } from "../change-feed";
import { type Db } from "../database";
import { runAtCommit } from "./transaction";

/** The NOTIFY channel of Graft's change notices. */
const CHANNEL = "graft_changes";

/**
 * PostgreSQL refuses payloads of 8000 bytes or more; a notice is split below that (ids are 26-30
 * characters, so a 1000-epoch logEpochs batch takes a handful).
 */
const MAX_PAYLOAD = 7000;

/** Tells this process's notices from other processes' (its own pub/sub already published them). */
const ORIGIN = randomUUID();

/** A notice on the wire: origin, run ids, and [run id, epoch] pairs. */
interface Notice {
  o: string;
  r: string[];
  e: [string, number][];
}

/** `changes` as notices, each under {@link MAX_PAYLOAD} bytes. */
function payloads(changes: Changes): string[] {
  const out: string[] = [];
  let notice: Notice = { o: ORIGIN, r: [], e: [] };
  let size = JSON.stringify(notice).length;
  const push = (part: "r" | "e", item: string | [string, number]) => {
    const itemSize = JSON.stringify(item).length + 1;
    if (size + itemSize > MAX_PAYLOAD) {
      out.push(JSON.stringify(notice));
      notice = { o: ORIGIN, r: [], e: [] };
      size = JSON.stringify(notice).length;
    }
    if (part === "r") notice.r.push(item as string);
    else notice.e.push(item as [string, number]);
    size += itemSize;
  };
  // Epochs first in each notice's order of arrival, as the outbox publishes them.
  for (const e of changes.epochs) push("e", [e.runId, e.epoch]);
  for (const id of changes.runIds) push("r", id);
  if (notice.r.length > 0 || notice.e.length > 0) out.push(JSON.stringify(notice));
  return out;
}

/** A notice from the wire, or null when it is not one of ours. */
function parseNotice(payload: string | undefined): Notice | null {
  try {
    const n = JSON.parse(payload ?? "") as Partial<Notice>;
    return typeof n.o === "string" && Array.isArray(n.r) && Array.isArray(n.e) ? (n as Notice) : null;
  } catch {
    return null;
  }
}

/** How long to wait before listening again after the listening connection dropped. */
const RECONNECT_MS = 1000;

/**
 * LISTEN/NOTIFY between the API processes on one PostgreSQL database. A notice is sent with
 * `pg_notify` inside the write transaction, so PostgreSQL delivers it on commit and drops it on
 * rollback; it carries ids only (payloads are capped at 8 kB), which receivers read back from the
 * database. Listening takes one connection of its own, outside the pool. Notices sent while that
 * connection is down (until it reconnects) are missed, as events are by a client reconnecting its
 * subscription.
 */
export class PgChangeFeed implements ChangeFeed {
  constructor(private readonly url: string) {}

  async notifyInTx(tx: Db, changes: Changes): Promise<void> {
    // Sent with the COMMIT rather than in a round trip of its own; the payload is JSON, quoted as a literal.
    for (const payload of payloads(changes)) runAtCommit(tx, `SELECT pg_notify('${CHANNEL}', ${pg.escapeLiteral(payload)})`);
  }

  async listen(onChanges: (changes: Changes) => void): Promise<() => Promise<void>> {
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | null = null;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: this.url });
      const again = () => {
        if (stopped || client !== c) return;
        client = null;
        retry = setTimeout(() => void connect().catch(() => again()), RECONNECT_MS);
        retry.unref();
      };
      c.on("error", (error) => {
        console.error("[graft-api] change feed connection lost, reconnecting:", error.message);
        again();
      });
      c.on("end", again);
      c.on("notification", (message) => {
        if (message.channel !== CHANNEL) return;
        const notice = parseNotice(message.payload);
        if (!notice || notice.o === ORIGIN) return;
        onChanges({ runIds: notice.r, epochs: notice.e.map(([runId, epoch]) => ({ runId, epoch })) });
      });
      client = c;
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    };
    await connect();
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end();
    };
  }
}
