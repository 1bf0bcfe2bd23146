import { describe, expect, it } from "vitest";
import { resolveWsUrl } from "./ws-url";

describe("resolveWsUrl", () => {
  it("uses the page's hostname and the API port, wss under https", () => {
    expect(resolveWsUrl({ wsUrl: null, port: "4100" }, { protocol: "http:", hostname: "10.0.0.5" })).toBe("ws://10.0.0.5:4100/graphql");
    expect(resolveWsUrl({ wsUrl: null, port: "4000" }, { protocol: "https:", hostname: "::1" })).toBe("wss://[::1]:4000/graphql");
  });
  it("uses the configured public URL as is", () => {
    expect(resolveWsUrl({ wsUrl: "wss://api.example/graphql", port: "4000" }, { protocol: "http:", hostname: "x" })).toBe(
      "wss://api.example/graphql",
    );
  });
});
