import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { interactions } from '@/db/schema';
import { updateInteractionAction } from '@/app/(app)/interactions/actions';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { listInteractions, streamInteractions } from '@/lib/queries/interactions';
import { interactionFiltersSchema } from '@/lib/validation/filters';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let manager: { id: string };
const ids: Record<string, string> = {};

// Seven interactions, each with the scores and comment named; the expected sets below are
// worked out by hand from this table.
const ROWS: Record<string, Record<string, unknown>> = {
  late: { notes: 'The fitter arrived four hours late and left a mess.', nps: 2, csat: 1 },
  scratched: { notes: 'Delivery was late and the door was scratched.', expectation: 4, experience: 2, nps: 6 },
  lovely: { notes: 'Lovely installers, quick and tidy. Great service!', nps: 10, csat: 5 },
  mixed: { notes: 'Delivered on time but nobody explained the warranty', nps: 8, csat: 3 },
  deliveries: { notes: 'Two deliveries were missed', expectation: 3, experience: 3, csat: 2 },
  silent: { nps: 0 },
  blank: { notes: '   ', nps: 9 },
};

async function list(params: Record<string, unknown>) {
  const { rows, total } = await listInteractions({
    filters: interactionFiltersSchema.parse({ touchpoint: catalog.till.id, ...params }),
    sort: 'occurred',
    dir: 'desc',
    page: 1,
  });
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return { names: rows.map((r) => byId.get(r.id)).sort(), total, rows };
}

beforeAll(async () => {
  catalog = await createCatalog();
  manager = await createUser({ role: 'manager' });
  const db = await getDb();
  const inputs = Object.entries(ROWS).map(([name, values], i) => {
    ids[name] = randomUUID();
    return interactionInputSchema.parse({
      id: ids[name],
      touchpointId: catalog.till.id,
      occurredAt: new Date(Date.UTC(2026, 0, 10 + i, 12)).toISOString(),
      ...values,
    });
  });
  await db.transaction((tx) => recordInteractions(tx, inputs, { source: 'staff', loggedById: manager.id }));
});

beforeEach(() => signInAs(manager.id));

describe('full-text search over comments', () => {
  it('finds words by their English stem, phrases, exclusions and or', async () => {
    // 'delivery' stems like 'deliveries' but not like 'delivered' (Snowball: deliveri / deliv).
    expect((await list({ q: 'delivery' })).names).toEqual(['deliveries', 'scratched']);
    expect((await list({ q: 'late' })).names).toEqual(['late', 'scratched']);
    expect((await list({ q: '"four hours late"' })).names).toEqual(['late']);
    expect((await list({ q: 'late -scratched' })).names).toEqual(['late']);
    expect((await list({ q: 'tidy or warranty' })).names).toEqual(['lovely', 'mixed']);
    // Stop words alone match nothing rather than everything.
    expect((await list({ q: 'the and' })).total).toBe(0);
  });

  it('reads search text as words, never as query syntax that fails', async () => {
    for (const q of ["o'brien & | ! :*", '(((', '"unclosed', '-', '<->'])
      await expect(list({ q })).resolves.toBeDefined();
  });

  it('counts a search only so far past the page, and says so; other lists count exactly', async () => {
    const filters = interactionFiltersSchema.parse({ touchpoint: catalog.till.id, q: 'late or tidy or delivery' });
    const capped = await listInteractions({ filters, sort: 'occurred', dir: 'desc', page: 1, countAhead: 2 });
    expect(capped.rows).toHaveLength(4);
    expect([capped.total, capped.totalIsLowerBound]).toEqual([2, true]);
    const roomy = await listInteractions({ filters, sort: 'occurred', dir: 'desc', page: 1, countAhead: 4 });
    expect([roomy.total, roomy.totalIsLowerBound]).toEqual([4, false]);
    const unsearched = await listInteractions({
      filters: interactionFiltersSchema.parse({ touchpoint: catalog.till.id }),
      sort: 'occurred',
      dir: 'desc',
      page: 1,
      countAhead: 2,
    });
    expect([unsearched.total, unsearched.totalIsLowerBound]).toEqual([7, false]);
  });

  it('refuses an over-long search in the URL', () => {
    expect(interactionFiltersSchema.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(interactionFiltersSchema.parse({ q: '  ' }).q).toBeUndefined();
  });
});

describe('comment and score filters', () => {
  it('filters by comment, NPS group, below expectation, CSAT at most and the unhappy union', async () => {
    expect((await list({ commented: '1' })).names).toEqual(['deliveries', 'late', 'lovely', 'mixed', 'scratched']);
    expect((await list({ commented: '0' })).names).toEqual(['blank', 'silent']);
    expect((await list({ npsGroup: 'detractor' })).names).toEqual(['late', 'scratched', 'silent']);
    expect((await list({ npsGroup: ['passive', 'promoter'] })).names).toEqual(['blank', 'lovely', 'mixed']);
    expect((await list({ below: '1' })).names).toEqual(['scratched']);
    expect((await list({ csatMax: '2' })).names).toEqual(['deliveries', 'late']);
    expect((await list({ csatMax: '3' })).names).toEqual(['deliveries', 'late', 'mixed']);
    expect((await list({ unhappy: '1' })).names).toEqual(['deliveries', 'late', 'scratched', 'silent']);
    expect((await list({ unhappy: '1', commented: '1', q: 'late' })).names).toEqual(['late', 'scratched']);
    expect(interactionFiltersSchema.safeParse({ csatMax: '6' }).success).toBe(false);
    expect(interactionFiltersSchema.safeParse({ npsGroup: 'fan' }).success).toBe(false);
  });

  it('stores a sentiment for each comment and filters by it', async () => {
    const { rows } = await list({});
    const sentimentOf = (name: string) => rows.find((r) => r.id === ids[name])?.sentiment ?? null;
    expect(sentimentOf('lovely')).toBe('positive');
    expect(sentimentOf('late')).toBe('negative');
    expect(sentimentOf('silent')).toBeNull();
    expect(sentimentOf('blank')).toBeNull();
    expect((await list({ sentiment: 'positive' })).names).toEqual(['lovely']);
  });

  it('filters by keyword theme, the key phrase stored with the comment', async () => {
    expect((await list({ theme: 'fitter arrived' })).names).toEqual(['late']);
    expect((await list({ theme: 'door' })).names).toEqual(['scratched']);
  });

  it('exports the same rows as filtered, with the sentiment', async () => {
    const rows = [];
    for await (const page of streamInteractions(
      interactionFiltersSchema.parse({ touchpoint: catalog.till.id, q: 'late', npsGroup: 'detractor' }),
    ))
      rows.push(...page);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.late, ids.scratched].sort());
    expect(rows.every((r) => r.sentiment !== null && r.sentimentScore !== null)).toBe(true);
  });
});

describe('a comment changed by an edit', () => {
  it('is searched, scored and themed as it now reads', async () => {
    const result = await updateInteractionAction({
      id: ids.mixed,
      touchpointId: catalog.till.id,
      nps: '8',
      csat: '3',
      notes: 'Terrible: the warranty card was missing',
    });
    expect(result.ok).toBe(true);
    const db = await getDb();
    const [row] = await db
      .select({ sentiment: interactions.sentiment, phrases: interactions.commentPhrases })
      .from(interactions)
      .where(eq(interactions.id, ids.mixed!));
    expect(row?.sentiment).toBe('negative');
    expect(row?.phrases).toContain('warranty card');
    expect((await list({ q: 'terrible' })).names).toEqual(['mixed']);
    expect((await list({ q: 'explained' })).total).toBe(0);
  });
});

describe('comments written before the analysis existed', () => {
  it('are analysed by the daily job, and only once', async () => {
    const { analyseUnanalysedComments } = await import('@/lib/voice/analyse-comments-job');
    const db = await getDb();
    // As a row stored before the migration: a comment, no sentiment, no phrases.
    await db
      .update(interactions)
      .set({ sentiment: null, sentimentScore: null, commentPhrases: null })
      .where(eq(interactions.id, ids.lovely!));
    expect(await analyseUnanalysedComments(db)).toBe(1);
    const [row] = await db
      .select({ sentiment: interactions.sentiment, phrases: interactions.commentPhrases })
      .from(interactions)
      .where(eq(interactions.id, ids.lovely!));
    expect(row).toEqual({ sentiment: 'positive', phrases: ['lovely installers', 'quick', 'tidy', 'great service'] });
    expect(await analyseUnanalysedComments(db)).toBe(0);
  });
});
