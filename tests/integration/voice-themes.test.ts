import { beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { getDb } from '@/db';
import { interactions, touchpoints, type Touchpoint } from '@/db/schema';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionsHref } from '@/lib/metrics/drill-down';
import { interactionConditions } from '@/lib/queries/filter-conditions';
import { getCommentThemes, themeFilters } from '@/lib/queries/voice';
import { interactionFiltersSchema, paramsToObject } from '@/lib/validation/filters';
import { interactionInputSchema } from '@/lib/validation/interactions';
import type { MetricsFilters } from '@/lib/validation/metrics';
import { createCatalog } from './staff-fixtures';

let delivery: Touchpoint;
let till: Touchpoint;
let filters: MetricsFilters;

// Period 2026-03-01 … 2026-03-10; the period before is 2026-02-19 … 2026-02-28.
const at = (day: string) => `${day}T12:00:00Z`;

beforeAll(async () => {
  const catalog = await createCatalog();
  till = catalog.till;
  const db = await getDb();
  const [inserted] = await db
    .insert(touchpoints)
    .values({ name: 'Delivery and installation T', stageId: catalog.stage.id, channel: 'in_person' })
    .returning();
  delivery = inserted!;
  const rows = [
    // Unhappy, in the period: 'late delivery' ×3 (2 delivery, 1 till), 'scratched door' ×2, 'rude driver' ×1.
    { tp: delivery, day: '2026-03-02', nps: 3, notes: 'Late delivery, scratched door.' },
    { tp: delivery, day: '2026-03-03', csat: 1, notes: 'Late delivery again; rude driver' },
    { tp: till, day: '2026-03-04', expectation: 4, experience: 2, notes: 'late delivery of the order' },
    { tp: delivery, day: '2026-03-05', nps: 6, notes: 'Scratched door on arrival' },
    // Happy or without scores, in the period: never counted.
    { tp: delivery, day: '2026-03-06', nps: 9, notes: 'Late delivery but lovely driver' },
    { tp: delivery, day: '2026-03-07', notes: 'late delivery' },
    { tp: delivery, day: '2026-03-07', csat: 3, notes: 'late delivery' },
    // Unhappy, the period before: 'late delivery' ×1, 'rude driver' ×2.
    { tp: delivery, day: '2026-02-20', nps: 0, notes: 'Rude driver. Late delivery.' },
    { tp: delivery, day: '2026-02-25', csat: 2, notes: 'rude driver' },
    // Unhappy, before both periods: not counted.
    { tp: delivery, day: '2026-01-05', nps: 0, notes: 'late delivery' },
  ];
  await db.transaction((tx) =>
    recordInteractions(
      tx,
      rows.map(({ tp, day, ...values }) =>
        interactionInputSchema.parse({ touchpointId: tp.id, occurredAt: at(day), ...values }),
      ),
      { source: 'feedback', loggedById: null },
    ),
  );
  filters = {
    from: '2026-03-01',
    to: '2026-03-10',
    granularity: 'day',
    touchpoint: [delivery.id, till.id],
    stage: [],
    channel: [],
    segment: [],
  };
});

describe('keyword themes', () => {
  it('counts the key phrases of unhappy comments, with the period before and the touchpoints', async () => {
    const themes = await getCommentThemes(filters);
    expect(themes.map(({ phrase, comments, previous }) => ({ phrase, comments, previous }))).toEqual([
      { phrase: 'late delivery', comments: 3, previous: 1 },
      { phrase: 'scratched door', comments: 2, previous: 0 },
    ]);
    expect(themes[0]!.touchpoints).toEqual([
      { id: delivery.id, name: delivery.name, comments: 2 },
      { id: till.id, name: till.name, comments: 1 },
    ]);
  });

  it('drills down to exactly the comments it counts', async () => {
    const db = await getDb();
    for (const theme of await getCommentThemes(filters)) {
      const href = interactionsHref(filters, { unhappy: '1', theme: theme.phrase });
      const parsed = interactionFiltersSchema.parse(paramsToObject(new URL(href, 'http://x').searchParams));
      expect(parsed).toMatchObject(themeFilters(filters, theme.phrase));
      const [row] = await db.select({ n: count() }).from(interactions).where(interactionConditions(parsed));
      expect(row?.n).toBe(theme.comments);
    }
  });

  it('follows the scope: one touchpoint, or nothing to count', async () => {
    const tillOnly = await getCommentThemes({ ...filters, touchpoint: [till.id] });
    expect(tillOnly).toEqual([]);
    const deliveryOnly = await getCommentThemes({ ...filters, touchpoint: [delivery.id] });
    expect(deliveryOnly.map((t) => [t.phrase, t.comments])).toEqual([
      ['late delivery', 2],
      ['scratched door', 2],
    ]);
  });
});
