import { CsvError, parse } from 'csv-parse/sync';
import { msg } from '@/lib/validation/messages';

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
  if (bytes.byteLength === 0) return { ok: false, message: msg('csvEmpty') };
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    return {
      ok: false,
      message: msg('csvTooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }),
    };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: msg('csvUtf16') };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: msg('csvNotUtf8') };
  }
  if (text.includes('\u0000')) return { ok: false, message: msg('csvNotText') };

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
  if (!headerRow) return { ok: false, message: msg('csvNoHeader') };
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
    return {
      ok: false,
      message: msg('csvHeaderMismatch', {
        hasMissing: missing.length ? 'yes' : 'no',
        missing: missing.map((c) => `“${c}”`).join(', '),
        hasUnknown: unknown.length ? 'yes' : 'no',
        unknown: unknown.map((c) => `“${c || '(blank)'}”`).join(', '),
        hasRepeated: repeated.length ? 'yes' : 'no',
        repeated: [...new Set(repeated)].map((c) => `“${c}”`).join(', '),
        expected: known.join(', '),
      }),
    };
  }
  if (dataRows.length === 0) return { ok: false, message: msg('csvNoRows') };
  if (dataRows.length > maxRows)
    return {
      ok: false,
      message: msg('csvTooManyRows', { max: maxRows }),
    };

  const errors: RowError[] = [];
  const records: CsvRecord[] = [];
  for (const { record, info } of dataRows) {
    if (record.length !== columns.length) {
      errors.push({
        row: info.lines,
        column: '(row)',
        reason: msg('csvRowValueCount', { values: record.length, columns: columns.length }),
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
