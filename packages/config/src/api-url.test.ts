import { describe, expect, it } from "vitest";
import { ApiUrlError, apiUrlFromEnv, parseApiUrl } from "./api-url.js";

describe("parseApiUrl", () => {
  it("takes the GraphQL endpoint as it is and derives the base", () => {
    expect(parseApiUrl("http://127.0.0.1:4000/graphql")).toEqual({
      graphql: "http://127.0.0.1:4000/graphql",
      base: "http://127.0.0.1:4000",
    });
    expect(parseApiUrl(" https://tracker.example/graft/graphql/ ")).toEqual({
      graphql: "https://tracker.example/graft/graphql",
      base: "https://tracker.example/graft",
    });
  });

  it("accepts the bare origin as shorthand for <origin>/graphql", () => {
    expect(parseApiUrl("http://api:9000")).toEqual({ graphql: "http://api:9000/graphql", base: "http://api:9000" });
    expect(parseApiUrl("http://api:9000/").graphql).toBe("http://api:9000/graphql");
  });

  it("refuses anything else, naming the setting and quoting the value", () => {
    expect(() => parseApiUrl("api:9000")).toThrow(ApiUrlError);
    expect(() => parseApiUrl("api:9000")).toThrow(
      /GRAFT_API_URL must be the API's GraphQL endpoint, like http:\/\/127\.0\.0\.1:4000\/graphql.*"api:9000"/,
    );
    expect(() => parseApiUrl("localhost:4000/graphql", "--api")).toThrow(/^--api .*\(http or https\); got "localhost:4000\/graphql"/);
    expect(() => parseApiUrl("http://h:4000/api")).toThrow('the path must end in /graphql; got "http://h:4000/api"');
    expect(() => parseApiUrl("http://h:4000/graphql?x=1")).toThrow("without a query string");
    expect(() => parseApiUrl("http://h:4000/graphql/graphql")).toThrow(
      /graphql appears twice at the end of the path; got "http:\/\/h:4000\/graphql\/graphql"/,
    );
    expect(() => parseApiUrl("")).toThrow('got ""');
  });
});

describe("apiUrlFromEnv", () => {
  it("reads GRAFT_API_URL, else the local API on GRAFT_API_PORT", () => {
    expect(apiUrlFromEnv({}).graphql).toBe("http://127.0.0.1:4000/graphql");
    expect(apiUrlFromEnv({ GRAFT_API_PORT: "4123" }).graphql).toBe("http://127.0.0.1:4123/graphql");
    expect(apiUrlFromEnv({ GRAFT_API_URL: "http://api:9000/graphql", GRAFT_API_PORT: "1" }).base).toBe("http://api:9000");
    expect(() => apiUrlFromEnv({ GRAFT_API_PORT: "99999" })).toThrow('GRAFT_API_PORT must be a TCP port between 1 and 65535, got "99999"');
  });
});
