import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it("splits plain fields and ignores the trailing newline", () => {
    expect(parseCsv("a,b\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("handles quotes, escaped quotes, embedded commas and newlines, CRLF and a BOM", () => {
    const text = '\ufefffile,note\r\n"a,b.jpg","say ""hi""\nthere"\r\nc.jpg,\r\n';
    expect(parseCsv(text)).toEqual([
      ["file", "note"],
      ["a,b.jpg", 'say "hi"\nthere'],
      ["c.jpg", ""],
    ]);
  });

  it("keeps empty fields and drops blank lines", () => {
    expect(parseCsv("a,,c\n\n,,\n")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });

  it("keeps a quote inside an unquoted field literally", () => {
    expect(parseCsv('a,5" leaf,b\n')).toEqual([["a", '5" leaf', "b"]]);
  });

  it("rejects an unterminated quote", () => {
    expect(() => parseCsv('a,"b\n', "m.csv")).toThrow(/m\.csv.*not closed/);
  });
});
