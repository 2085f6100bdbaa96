/**
 * The CSV columns of interactions and customers. Export writes all of them; import reads the
 * ones it needs and accepts (and ignores) the rest, so an exported file imports again unchanged.
 */
export const INTERACTION_EXPORT_COLUMNS = [
  'id',
  'occurred_at',
  'customer_id',
  'customer_external_ref',
  'customer_email',
  'customer_name',
  'touchpoint',
  'stage',
  'channel',
  'source',
  'outcome',
  'sale_value',
  'expectation',
  'experience',
  'csat',
  'nps',
  'effort',
  'notes',
  'sentiment',
  'sentiment_score',
  'logged_by',
  'open_defects',
] as const;

export const INTERACTION_IMPORT_REQUIRED = ['occurred_at', 'touchpoint'] as const;

export const CUSTOMER_EXPORT_COLUMNS = [
  'id',
  'name',
  'email',
  'phone',
  'company',
  'segment',
  'lifecycle',
  'owner_email',
  'external_ref',
  'created_at',
] as const;

export const CUSTOMER_IMPORT_REQUIRED = ['name'] as const;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet; `fromCsvText` undoes it on import. */
export function toCsvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function fromCsvText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
