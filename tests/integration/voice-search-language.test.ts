import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { companySettings, interactions } from '@/db/schema';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { listInteractions } from '@/lib/queries/interactions';
import { interactionFiltersSchema } from '@/lib/validation/filters';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { reindexCommentSearch } from '@/lib/voice/reindex-comment-search-job';
import { createCatalog } from './staff-fixtures';

/*
 * Comment search follows the company locale (docs/voice-of-customer.md): comments are indexed, and
 * searches read, in the locale's text search configuration; a change of locale re-indexes the
 * stored comments through the reindex-comment-search job.
 */

let touchpoint: string;

async function setLocale(locale: string) {
  const db = await getDb();
  await db
    .insert(companySettings)
    .values({ id: 1, locale })
    .onConflictDoUpdate({ target: companySettings.id, set: { locale } });
}

async function write(notes: string) {
  const db = await getDb();
  const { ids } = await db.transaction((tx) =>
    recordInteractions(tx, [interactionInputSchema.parse({ touchpointId: touchpoint, notes, nps: 3 })], {
      source: 'api',
      loggedById: null,
    }),
  );
  return ids[0]!;
}

async function found(q: string): Promise<string[]> {
  const { rows } = await listInteractions({
    filters: interactionFiltersSchema.parse({ touchpoint, q }),
    sort: 'occurred',
    dir: 'desc',
    page: 1,
  });
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  touchpoint = (await createCatalog()).till.id;
});

describe('search language', () => {
  it('maps a locale to its text search configuration, anything unknown to simple', async () => {
    const db = await getDb();
    const [row] = await selectRows<Record<string, string>>(
      db,
      sql`select search_config_of('en-GB')::text as en, search_config_of('de-DE')::text as de, search_config_of('fr_CA')::text as fr,
        search_config_of('es')::text as es, search_config_of('nl-NL')::text as nl`,
    );
    expect(row).toEqual({ en: 'english', de: 'german', fr: 'french', es: 'spanish', nl: 'simple' });
  });

  it('stems German comments when the company locale is German: "Lieferungen" finds "Lieferung"', async () => {
    await setLocale('de-DE');
    const id = await write('Die Lieferung kam drei Tage zu spät.');
    expect(await found('Lieferungen')).toEqual([id]);
    expect(await found('Lieferung')).toEqual([id]);
  });

  it('re-indexes comments written in another locale once the locale changes', async () => {
    await setLocale('en-GB');
    const id = await write('Zwei Lieferungen fehlten, niemand rief zurück.');
    const db = await getDb();
    const [stored] = await db
      .select({ config: sql<string>`${interactions.searchConfig}::text` })
      .from(interactions)
      .where(eq(interactions.id, id));
    expect(stored!.config).toBe('english');
    // English stems leave the German plural alone: the singular does not find it.
    expect(await found('Lieferung')).toEqual([]);

    await setLocale('de-DE');
    // Until the job runs, the comment keeps its English index.
    expect(await found('Lieferung')).not.toContain(id);
    expect(await reindexCommentSearch(db)).toBeGreaterThanOrEqual(1);
    expect(await found('Lieferung')).toContain(id);
    // Nothing left to move: a second run changes nothing.
    expect(await reindexCommentSearch(db)).toBe(0);
  });

  it('stores the locale of the moment on every row of a many-row insert (the column default, no row trigger)', async () => {
    await setLocale('de-DE');
    const db = await getDb();
    const rows = await db
      .insert(interactions)
      .values(
        ['Lieferungen fehlten.', 'Die Lieferung kam spät.', null].map((notes) => ({
          touchpointId: touchpoint,
          occurredAt: new Date(),
          notes,
        })),
      )
      .returning({ id: interactions.id, config: sql<string>`${interactions.searchConfig}::text` });
    expect(rows.map((r) => r.config)).toEqual(['german', 'german', 'german']);
    expect(await found('Lieferung')).toEqual(expect.arrayContaining([rows[0]!.id, rows[1]!.id]));
    const [trigger] = await selectRows<{ events: string }>(
      db,
      sql`select string_agg(event_manipulation, ',' order by event_manipulation) as events
        from information_schema.triggers where trigger_name = 'interactions_search_config'`,
    );
    expect(trigger!.events).toBe('UPDATE');
    await setLocale('en-GB');
  });

  it('indexes an edited comment in the locale of the moment', async () => {
    await setLocale('en-GB');
    const id = await write('The deliveries were late.');
    expect(await found('delivery')).toContain(id);
    await setLocale('de-DE');
    const db = await getDb();
    await db.update(interactions).set({ notes: 'Die Lieferungen waren verspätet.' }).where(eq(interactions.id, id));
    expect(await found('Lieferung')).toContain(id);
    await setLocale('en-GB');
  });
});
