import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseLabel, isPostgresUrl, redactedUrl } from "./database-url.js";

describe("database URL", () => {
  it("tells PostgreSQL URLs from SQLite ones", () => {
    expect(["postgres://h/db", "POSTGRESQL://h/db", "file:/tmp/x.db", "./x.db"].map(isPostgresUrl)).toEqual([true, true, false, false]);
  });

  it("never shows a password", () => {
    expect(redactedUrl("postgres://graft:s3cret@db:5432/graft")).toBe("postgres://graft:***@db:5432/graft");
    expect(redactedUrl("postgres://db/graft")).toBe("postgres://db/graft");
    expect(redactedUrl("postgres://u@db/graft?password=s3cret&sslmode=require")).toBe("postgres://u@db/graft?password=***&sslmode=require");
    expect(redactedUrl("postgres://db/graft?sslpassword=a&sslkey=b")).not.toMatch(/=a|=b/);
    expect(redactedUrl("postgres://[bad")).toBe("(unparsable PostgreSQL URL)");
  });

  it("names the SQLite file by default, else what the URL names", () => {
    expect(databaseLabel({ dataDir: "/d", databaseUrl: null })).toBe(path.join("/d", "graft.db"));
    expect(databaseLabel({ dataDir: "/d", databaseUrl: "file:/tmp/t.db" })).toBe("/tmp/t.db");
    expect(databaseLabel({ dataDir: "/d", databaseUrl: "postgres://u:p@h/g" })).toBe("postgres://u:***@h/g");
  });
});
