/**
 * A small RFC 4180 CSV reader for dataset manifests: comma separated, fields optionally quoted
 * with `"`, a doubled `""` inside quotes is a literal quote, quoted fields may span lines,
 * CRLF or LF line ends. No dependency because manifests are small and the format is simple.
 */
import { BadInputError } from "../errors";

/**
 * Parses CSV text into rows of fields. A trailing newline does not produce an empty row;
 * blank lines are dropped. A leading UTF-8 BOM is ignored (spreadsheet exports add one).
 * @throws BadInputError when a quoted field is never closed.
 */
export function parseCsv(text: string, source = "CSV"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStarted = false;

  const endRow = (): void => {
    row.push(field);
    // A line with nothing on it is not a record (e.g. trailing blank lines).
    if (!(row.length === 1 && row[0] === "" && !fieldStarted)) rows.push(row);
    row = [];
    field = "";
    fieldStarted = false;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      // A quote opens a quoted field only at its start; elsewhere (`5" disk`) it is a literal.
      inQuotes = true;
      fieldStarted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      fieldStarted = true;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (inQuotes) throw new BadInputError(`${source}: a quoted field is not closed before the end of the file`);
  if (field !== "" || row.length > 0 || fieldStarted) endRow();
  return rows;
}
