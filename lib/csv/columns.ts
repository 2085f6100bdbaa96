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

/**
 * An amount's column named for the company's currency (sale_value_eur, lost_revenue_eur), so a file
 * states which currency its plain-number amounts (1234.50) are in.
 */
const moneyColumn = (name: string, currency: string) => `${name}_${currency.toLowerCase()}`;

/**
 * The sale value's column. Exports write it; imports accept it and the bare `sale_value` of older
 * exports, read as the company's currency.
 */
export const saleValueColumn = (currency: string) => moneyColumn('sale_value', currency);

/** The interaction columns an export writes for a company whose currency is `currency`. */
export function interactionExportColumns(currency: string): string[] {
  return INTERACTION_EXPORT_COLUMNS.map((column) => (column === 'sale_value' ? saleValueColumn(currency) : column));
}

/** The interaction columns an import accepts: the export's, and the bare `sale_value`. */
export function interactionImportColumns(currency: string): string[] {
  return [...interactionExportColumns(currency), 'sale_value'];
}

/**
 * The columns of the defects export (there is no defects import). Like the interactions': instants
 * as ISO 8601 instants in UTC (occurred_at), calendar days as YYYY-MM-DD (due_on, a company day),
 * amounts as plain numbers under a header naming the currency.
 */
const DEFECT_EXPORT_COLUMNS = [
  'id',
  'title',
  'status',
  'kind',
  'severity',
  'category',
  'stage',
  'touchpoint',
  'customer_id',
  'customer',
  'interaction_id',
  'owner',
  'occurred_at',
  'due_on',
  'overdue',
  'lost_revenue',
  'source',
  'root_cause',
  'corrective_action',
  'dismiss_reason',
] as const;

/** The defect columns an export writes for a company whose currency is `currency`. */
export function defectExportColumns(currency: string): string[] {
  return DEFECT_EXPORT_COLUMNS.map((column) => (column === 'lost_revenue' ? moneyColumn(column, currency) : column));
}

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
