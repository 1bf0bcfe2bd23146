import { type GraftDb, openDatabase } from "@graft/schema/db";
import { rowCounts } from "../../limits/row-counts";
import { type GraftDatabase } from "../database";
import { StorageHealth } from "../storage-health";
import { transactionRunnerFor } from "../transaction";
import { sqliteRawStatements } from "./raw";

/** Opens (creating and migrating) the SQLite file as a {@link GraftDatabase}. */
export function openSqlite(file: string): GraftDatabase {
  return sqliteDatabase(openDatabase(file));
}

/** An open SQLite connection as a {@link GraftDatabase} (tests build services on their own connections). */
export function sqliteDatabase(db: GraftDb): GraftDatabase {
  return {
    dialect: "sqlite",
    db,
    transactions: transactionRunnerFor(db),
    raw: sqliteRawStatements(db),
    rowCounts: rowCounts(db.$client),
    storageHealth: (dataDir, now) => new StorageHealth(db.$client, dataDir, now),
    changes: null,
    sqlite: db,
    close: async () => {
      db.$client.close();
    },
  };
}
