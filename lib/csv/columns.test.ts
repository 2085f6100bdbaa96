import { describe, expect, it } from 'vitest';
import { fromCsvText, toCsvText } from './columns';

describe('CSV text cells', () => {
  it.each(['=SUM(A1)', '+1', '-2 days', '@cmd', 'plain', "'quoted", ''])('round-trips %j', (value) => {
    expect(fromCsvText(toCsvText(value))).toBe(value);
  });

  it('defuses formulas for spreadsheets', () => {
    expect(toCsvText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(toCsvText(null)).toBe('');
  });
});
