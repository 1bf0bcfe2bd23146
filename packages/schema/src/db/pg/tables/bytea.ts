import { customType } from "drizzle-orm/pg-core";

/**
 * PostgreSQL's `bytea` as a Node Buffer, the twin of sqlite-core's `blob({ mode: "buffer" })`
 * (pg-core 0.45 has no bytea builder). node-postgres already hands bytea back as a Buffer and
 * sends a Buffer as binary, so both directions pass the value through.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
