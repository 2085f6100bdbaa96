import { CsvError, parse } from 'csv-parse/sync';

/** Limits that keep one upload from taking the server down. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

export interface RowError {
  /** The line in the file where the row is (the header is line 1). */
  row: number;
  column: string;
  reason: string;
}

export interface CsvRecord {
  row: number;
  values: Record<string, string>;
}

export type ReadCsvResult =
  { ok: true; columns: string[]; records: CsvRecord[] } | { ok: false; message: string; errors?: RowError[] };

/**
 * Decodes and parses an uploaded CSV: UTF-8 only (a BOM is fine), a header row naming known
 * columns, blank lines skipped. Returns a file-level message when the file as a whole is unusable,
 * and per-row errors for rows with the wrong number of values.
 */
export function readCsv(
  bytes: Uint8Array,
  {
    required,
    known,
    maxRows = MAX_IMPORT_ROWS,
    mapping = {},
  }: {
    required: readonly string[];
    known: readonly string[];
    maxRows?: number;
    /** The file's column names (any case) mapped to ours; '' leaves a column out. */
    mapping?: Record<string, string>;
  },
): ReadCsvResult {
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty.' };
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
    };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'The file is UTF-16 text. Save it as “CSV UTF-8” and upload it again.' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.' };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'The file is not a text CSV file.' };

  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // One huge unterminated quoted field would otherwise swallow the whole file.
      max_record_size: 100_000,
      to: maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError)
      return {
        ok: false,
        message: `The file is not valid CSV near line ${(error as CsvError & { lines?: number }).lines ?? '?'}: ${error.message.replace(/^Invalid[^:]*: /, '')}`,
      };
    throw error;
  }

  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { ok: false, message: 'The file has no header row.' };
  const mapped = new Map(Object.entries(mapping).map(([from, to]) => [from.trim().toLowerCase(), to]));
  // A column mapped to '' is left out: null marks it, and its values are never read.
  const columns = headerRow.record.map((c) => {
    const name = c.trim().toLowerCase();
    return mapped.has(name) ? mapped.get(name) || null : name;
  });
  const used = columns.filter((c): c is string => c !== null);
  const unknown = used.filter((c) => !known.includes(c));
  const missing = required.filter((c) => !used.includes(c));
  const repeated = used.filter((c, i) => used.indexOf(c) !== i);
  if (unknown.length || missing.length || repeated.length) {
    const parts = [
      missing.length ? `missing ${missing.map((c) => `“${c}”`).join(', ')}` : null,
      unknown.length ? `unknown ${unknown.map((c) => `“${c || '(blank)'}”`).join(', ')}` : null,
      repeated.length ? `repeated ${[...new Set(repeated)].map((c) => `“${c}”`).join(', ')}` : null,
    ].filter(Boolean);
    return {
      ok: false,
      message: `The header row does not match: ${parts.join('; ')}. Expected columns: ${known.join(', ')}. Map the file’s columns to these and import again.`,
    };
  }
  if (dataRows.length === 0) return { ok: false, message: 'The file has a header but no rows.' };
  if (dataRows.length > maxRows)
    return {
      ok: false,
      message: `The file has more than ${maxRows.toLocaleString('en-GB')} rows. Split it into smaller files.`,
    };

  const errors: RowError[] = [];
  const records: CsvRecord[] = [];
  for (const { record, info } of dataRows) {
    if (record.length !== columns.length) {
      errors.push({
        row: info.lines,
        column: '(row)',
        reason: `Has ${record.length} values where the header has ${columns.length} columns.`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (column !== null) values[column] = record[i]!.trim();
    });
    records.push({ row: info.lines, values });
  }
  if (errors.length)
    return {
      ok: false,
      message: `${errors.length} row${errors.length === 1 ? ' has' : 's have'} the wrong number of values.`,
      errors,
    };
  return { ok: true, columns: used, records };
}
