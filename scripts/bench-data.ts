// A database for the HTTP benchmarks (scripts/bench-http.ts): the demo company at a small scale,
// then generated interactions up to `total` over the last 365 days, with the auto defects the default
// rules raise, generated in SQL (one statement per 100,000 rows) with the rollup triggers on.
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { selectRows, type DatabaseHandle } from '@/db/client';
import { seedDemoData } from '@/db/seed-demo';

const BATCH = 100_000;

/** One statement without the app's 30 s statement timeout. */
async function unbounded(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<void> {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(query);
  });
}

export async function fillBenchDatabase(handle: DatabaseHandle, total: number, log: (line: string) => void) {
  const started = performance.now();
  const summary = await seedDemoData(handle.db, { scale: 0.1 });
  const batches = Math.max(1, Math.ceil((total - summary.interactions) / BATCH));
  let remaining = total - summary.interactions;
  for (let batch = 0; remaining > 0; batch++) {
    const rows = Math.min(BATCH, remaining);
    // Oldest slice first, as history arrives, so each day's rollup rows are written by one batch.
    const span = 365 / batches;
    const newestDaysAgo = 365 - (batch + 1) * span;
    await unbounded(
      handle,
      sql`
      with tp as (select array_agg(id) as ids from touchpoints),
           cu as (select array_agg(id) as ids from customers),
           g as (select random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
                        random() as r6, random() as r7, random() as r8, random() as r9
                 from generate_series(1, ${rows}))
      insert into interactions (touchpoint_id, customer_id, occurred_at, source, outcome, sale_value, expectation, experience, csat, nps)
      select tp.ids[1 + floor(g.r1 * array_length(tp.ids, 1))::int],
             case when g.r2 < 0.9 then cu.ids[1 + floor(g.r2 / 0.9 * array_length(cu.ids, 1))::int] end,
             now() - (${newestDaysAgo} + g.r3 * ${span}) * interval '1 day',
             'import',
             (case when g.r4 < 0.04 then 'sale_lost' when g.r4 < 0.1 then 'sale_won' when g.r4 < 0.5 then 'resolved' else 'none' end)::outcome,
             case when g.r4 < 0.1 then round((200 + g.r5 * 4800)::numeric, 2) end,
             case when g.r5 < 0.6 then 3 + floor(g.r6 * 3)::int end,
             case when g.r5 < 0.6 then greatest(1, least(5, 3 + floor(g.r6 * 3)::int + floor(g.r7 * 4)::int - 2)) end,
             case when g.r6 < 0.5 then 1 + floor(g.r8 * 5)::int end,
             case when g.r6 < 0.4 then floor(g.r9 * 11)::int end
      from g, tp, cu`,
    );
    remaining -= rows;
  }
  await unbounded(
    handle,
    sql`
    with cat as (select array_agg(id order by name) as ids from defect_categories),
         raised as (
           select i.id, i.touchpoint_id, i.customer_id, i.occurred_at, 'below_expectation'::auto_rule as rule,
                  'below_expectation'::defect_kind as kind
           from interactions i where i.source = 'import' and i.experience <= i.expectation - 1
           union all
           select i.id, i.touchpoint_id, i.customer_id, i.occurred_at, 'low_csat', 'low_satisfaction'
           from interactions i where i.source = 'import' and i.csat <= 2
         )
    insert into defects (touchpoint_id, interaction_id, customer_id, category_id, kind, occurred_at, auto_rule, status)
    select r.touchpoint_id, r.id, r.customer_id, cat.ids[1 + floor(random() * array_length(cat.ids, 1))::int],
           r.kind, r.occurred_at, r.rule,
           (case when r.occurred_at > now() - interval '30 days' then 'open' else 'closed' end)::defect_status
    from raised r, cat`,
  );
  await unbounded(
    handle,
    sql`
    update interactions i set open_defect_count = x.n
    from (select interaction_id, count(*)::int as n from defects where status <> 'dismissed' and interaction_id is not null group by 1) x
    where x.interaction_id = i.id and i.source = 'import'`,
  );
  const raw = postgres(handle.url, { max: 1, onnotice: () => {}, connection: { statement_timeout: 0 } });
  await raw.unsafe('vacuum analyze');
  await raw.end({ timeout: 5 });
  const [counts] = await selectRows<{ interactions: number; defects: number }>(
    handle.db,
    sql`select (select count(*) from interactions)::int as interactions, (select count(*) from defects)::int as defects`,
  );
  log(
    `${counts!.interactions.toLocaleString('en-GB')} interactions, ${counts!.defects.toLocaleString('en-GB')} defects, ` +
      `filled in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
