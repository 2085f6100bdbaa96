import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { selectRows } from '@/db/client';
import { migrateDatabase, migrationsFolder } from '@/db/migrator';
import { getDashboardMetrics } from '@/lib/queries/metrics';
import { resolveMetricsFilters, metricsFiltersSchema } from '@/lib/validation/metrics';
import { createTestDatabase, type TestDriver } from '../support/test-database';

/*
 * The second-version migrations on a database holding what the walkthrough found: a touchpoint
 * with 1 opportunity per interaction and 4 enabled rules, one interaction there with 4 auto
 * defects and a manual one. Stored at the schema before them, then migrated.
 */

/** The app's migrations before the first of the second version, in a folder of their own. */
function oldMigrations(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'outsidein-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const first = journal.entries.findIndex((e) => e.tag.endsWith('_interaction-opportunities-columns'));
  journal.entries = journal.entries.slice(0, first);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const folder = oldMigrations();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the opportunities migrations', () => {
  it('raise touchpoints to their enabled rules, audited, fix each interaction’s opportunities, and leave no DPMO above 10⁶', async () => {
    const handle = await createTestDatabase((process.env.TEST_DRIVER ?? 'embedded') as TestDriver, folder);
    try {
      const { db } = handle;
      await db.execute(sql`
        with stage as (insert into journey_stages (name, position) values ('Purchase', 0) returning id),
        tp as (
          insert into touchpoints (name, stage_id, channel, opportunities, rule_low_nps)
          select 'Checkout', id, 'web'::channel, 1, true from stage
          union all select 'Counter', id, 'in_person'::channel, 5, false from stage
          returning id, name
        ),
        cat as (insert into defect_categories (name) values ('Other') returning id),
        i as (
          insert into interactions (touchpoint_id, occurred_at, outcome, sale_value, expectation, experience, csat, nps, open_defect_count)
          select tp.id, '2026-03-02T10:00:00Z'::timestamptz, 'sale_lost'::outcome, 40, 5, 1, 1, 2, 5 from tp where tp.name = 'Checkout'
          returning id, touchpoint_id
        )
        insert into defects (touchpoint_id, interaction_id, category_id, kind, occurred_at, auto_rule)
        select i.touchpoint_id, i.id, cat.id, k.kind::defect_kind, '2026-03-02T10:00:00Z'::timestamptz, k.rule::auto_rule
        from i, cat, (values ('lost_sale', 'lost_sale'), ('below_expectation', 'below_expectation'),
                             ('low_satisfaction', 'low_csat'), ('low_satisfaction', 'low_nps'), ('complaint', null)) as k(kind, rule)`);
      // Before: 5 defects against 1 opportunity.
      const [old] = await selectRows<{ units: number; defects: number }>(
        db,
        sql`select sum(units)::int as units, sum(defects)::int as defects from metrics_daily`,
      );
      expect(old).toEqual({ units: 1, defects: 5 });

      await migrateDatabase(handle);

      const touchpointRows = await selectRows<{ name: string; opportunities: number }>(
        db,
        sql`select name, opportunities from touchpoints order by name`,
      );
      expect(touchpointRows).toEqual([
        { name: 'Checkout', opportunities: 4 },
        { name: 'Counter', opportunities: 5 },
      ]);
      const events = await selectRows<{ action: string; before: unknown; after: { opportunities: number } }>(
        db,
        sql`select action, before, after from audit_events`,
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'touchpoint.opportunities_raised',
        before: { opportunities: 1 },
        after: { opportunities: 4 },
      });
      const [stored] = await selectRows<{ opportunities: number; rolled: number }>(
        db,
        sql`select (select opportunities from interactions) as opportunities, (select sum(opportunities)::int from metrics_daily) as rolled`,
      );
      expect(stored).toEqual({ opportunities: 4, rolled: 4 });

      // The manual defect still puts D (5) above O (4): no number above 10⁶, the reason instead.
      const resolved = resolveMetricsFilters(metricsFiltersSchema.parse({ from: '2026-03-01', to: '2026-03-31' }));
      if (!resolved.ok) throw new Error('filters');
      const metrics = await getDashboardMetrics(resolved.filters, db);
      const values = [
        metrics.kpis.current.dpmo,
        ...metrics.touchpoints.map((t) => t.kpis.dpmo),
        ...metrics.segments.map((s) => s.kpis.dpmo),
        ...metrics.trend.map((t) => t.dpmo),
      ];
      for (const dpmo of values) {
        if (dpmo.value !== null) expect(dpmo.value).toBeLessThanOrEqual(1_000_000);
      }
      expect(metrics.kpis.current.dpmo).toEqual({ value: null, reason: 'more defects than opportunities' });
      expect(metrics.kpis.current.yield).toEqual({ value: null, reason: 'more defects than opportunities' });
      expect(JSON.stringify(metrics)).not.toMatch(/NaN|Infinity/);

      // New interactions take their touchpoint's opportunities without being told.
      await db.execute(
        sql`insert into interactions (touchpoint_id, occurred_at) select id, now() from touchpoints where name = 'Counter'`,
      );
      const [counter] = await selectRows<{ opportunities: number }>(
        db,
        sql`select i.opportunities from interactions i join touchpoints t on t.id = i.touchpoint_id where t.name = 'Counter'`,
      );
      expect(counter!.opportunities).toBe(5);
    } finally {
      await handle.drop();
    }
  });
});
