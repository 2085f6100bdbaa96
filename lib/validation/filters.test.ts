import { describe, expect, it } from 'vitest';
import {
  defectFiltersSchema,
  filtersToSearchParams,
  interactionFiltersSchema,
  paramsToObject,
  readInteractionFilters,
  scopeFiltersSchema,
} from './filters';

const A = '0b6f5a3e-8c1d-4a7e-9f2b-1c3d5e7f9a0b';
const B = '1c7a6b4f-9d2e-4b8f-8a3c-2d4e6f8a0b1c';

describe('URL filters', () => {
  it('reads repeated parameters as lists and single ones as one-element lists', () => {
    const parsed = interactionFiltersSchema.parse(
      paramsToObject(new URLSearchParams(`touchpoint=${A}&touchpoint=${B}&channel=web&from=2026-01-01`)),
    );
    expect(parsed).toMatchObject({ touchpoint: [A, B], channel: ['web'], from: '2026-01-01', stage: [], outcome: [] });
  });

  it('round-trips through a query string', () => {
    const filters = defectFiltersSchema.parse({
      status: ['open', 'action'],
      touchpoint: A,
      overdue: '1',
      to: '2026-03-31',
    });
    const again = defectFiltersSchema.parse(paramsToObject(filtersToSearchParams(filters)));
    expect(again).toEqual(filters);
  });

  it('refuses unknown values and impossible dates', () => {
    expect(interactionFiltersSchema.safeParse({ channel: 'telepathy' }).success).toBe(false);
    expect(interactionFiltersSchema.safeParse({ from: '2026-02-30x' }).success).toBe(false);
    expect(interactionFiltersSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(interactionFiltersSchema.safeParse({ to: '2028-02-29' }).success).toBe(true);
    expect(defectFiltersSchema.safeParse({ owner: 'me' }).success).toBe(false);
  });

  it('takes score filters on the lists, and "no segment" on the lists and the dashboard scope alike', () => {
    expect(
      interactionFiltersSchema.parse(
        paramsToObject(new URLSearchParams(`scored=nps&scored=gap&segment=none&segment=${A}`)),
      ),
    ).toMatchObject({ scored: ['nps', 'gap'], segment: ['none', A] });
    expect(defectFiltersSchema.parse({ segment: 'none' })).toMatchObject({ segment: ['none'] });
    expect(scopeFiltersSchema.parse({ segment: ['none', A] })).toMatchObject({ segment: ['none', A] });
    expect(scopeFiltersSchema.safeParse({ segment: 'nobody' }).success).toBe(false);
  });

  it('ignores empty parameters, as an empty form select sends them', () => {
    expect(interactionFiltersSchema.parse({ from: '', touchpoint: '', hasDefects: '' })).toMatchObject({
      touchpoint: [],
    });
  });
});

describe('readInteractionFilters', () => {
  it('reads a good URL, and shows the unfiltered list, saying so, for one it does not understand', () => {
    expect(readInteractionFilters({ channel: 'phone' })).toMatchObject({
      understood: true,
      filters: { channel: ['phone'] },
    });
    const refused = readInteractionFilters({ channel: 'telepathy', from: '2026-01-01' });
    expect(refused.understood).toBe(false);
    expect(refused.filters).toEqual(interactionFiltersSchema.parse({}));
  });
});
