import { describe, expect, it } from 'vitest';
import {
  defectExportColumns,
  fromCsvText,
  interactionExportColumns,
  interactionImportColumns,
  saleValueColumn,
  toCsvText,
} from './columns';

describe('CSV text cells', () => {
  it.each(['=SUM(A1)', '+1', '-2 days', '@cmd', 'plain', "'quoted", ''])('round-trips %j', (value) => {
    expect(fromCsvText(toCsvText(value))).toBe(value);
  });

  it('defuses formulas for spreadsheets', () => {
    expect(toCsvText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(toCsvText(null)).toBe('');
  });
});

describe('the sale value column', () => {
  it('names the company’s currency on export and accepts the bare name on import', () => {
    expect(saleValueColumn('EUR')).toBe('sale_value_eur');
    expect(interactionExportColumns('EUR')).toContain('sale_value_eur');
    expect(interactionExportColumns('EUR')).not.toContain('sale_value');
    expect(interactionImportColumns('USD')).toEqual(expect.arrayContaining(['sale_value_usd', 'sale_value']));
  });
});

describe('the defects export columns', () => {
  it('name the lost revenue’s currency as the interactions name the sale value’s', () => {
    expect(defectExportColumns('EUR')).toContain('lost_revenue_eur');
    expect(defectExportColumns('JPY')).toContain('lost_revenue_jpy');
    expect(defectExportColumns('EUR')).not.toContain('lost_revenue');
    expect(defectExportColumns('EUR')).toContain('occurred_at');
  });
});
