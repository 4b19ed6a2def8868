/**
 * A small RFC 4180 CSV reader for the Skyplane grids: a header row, comma-separated fields,
 * double-quoted fields may hold commas and doubled quotes (no line breaks inside fields). Each row
 * keeps its 1-based line number so that errors point at the row.
 */
import { fail } from './text.js';

/** One data row: field values by column name, and the row's line. */
export interface CsvRow {
  readonly values: Readonly<Record<string, string>>;
  readonly line: number;
}

/** A parsed CSV file. */
export interface CsvTable {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

function splitLine(line: string, file: string, lineNo: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) fail(file, lineNo, i, '', 'unterminated quoted field: expected a closing "');
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
    } else {
      const c = line.indexOf(',', i);
      out.push((c < 0 ? line.slice(i) : line.slice(i, c)).trim());
      if (c < 0) return out;
      i = c + 1;
      continue;
    }
    if (i >= line.length) return out;
    if (line[i] !== ',') fail(file, lineNo, i + 1, '', `"${line[i]}" after a quoted field: expected ","`);
    i++;
  }
}

/**
 * Parses CSV text and checks that every column in `required` is present.
 * @throws InputError naming the file and line for a missing column, a row with the wrong number of
 *   fields or a broken quoted field.
 */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvTable {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) fail(file, null, null, '', 'file is empty: expected a CSV header row');
  const columns = splitLine(lines[headerIndex], file, headerIndex + 1);
  for (const col of required) {
    if (!columns.includes(col)) {
      fail(
        file,
        headerIndex + 1,
        null,
        '',
        `missing column "${col}": expected columns ${required.join(', ')}`,
      );
    }
  }
  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const fields = splitLine(lines[i], file, i + 1);
    if (fields.length !== columns.length) {
      fail(
        file,
        i + 1,
        null,
        '',
        `${fields.length} fields found: expected ${columns.length} (${columns.join(',')})`,
      );
    }
    const values: Record<string, string> = {};
    columns.forEach((c, k) => {
      values[c] = fields[k];
    });
    rows.push({ values, line: i + 1 });
  }
  return { file, columns, rows };
}
