import { CSAT_SATISFIED_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from './score-bands';

/*
 * The SQL of the metric rollups, generated from one definition (docs/performance.md explains the
 * design). The rollup tables below, kept exact in the transaction of every write to interactions,
 * defects and customers by statement-level triggers with transition tables:
 *
 *   metrics_daily            interactions and non-dismissed defects per day × touchpoint × segment
 *   metrics_monthly          the same per month, so a year reads 12 months, not 365 days
 *   defect_category_daily    non-dismissed defects per day × touchpoint × segment × category
 *   defect_category_monthly  the same per month: the Pareto's rollup, without the interaction measures
 *   trend_daily              the trend's four measures per day × touchpoint, without the segment
 *   trend_total_daily        the same per day only: the unfiltered trend
 *   category_total_daily     non-dismissed defects per day × category: the unfiltered Pareto
 *   category_total_monthly   the same per month
 *
 * Writers only append: a trigger INSERTs the signed contributions of its statement as delta rows
 * (delta = true), one per key it touches, and never updates a shared row, so concurrent writers on
 * one touchpoint and day do not queue on a row lock. fold_metric_rollups() (a job every minute)
 * moves the committed delta rows into one folded row per key. Readers sum every row of a key,
 * folded or not, so the numbers are exact whether or not a fold has run.
 *
 * Every day and month key is written through localDay / localMonth below, in the company's time
 * zone (docs/settings.md "Time zone"): each function reads it once into the variable rollup_zone.
 * While a change of zone is rebuilt, a shadow of each rollup (<name>_next) is built in the new zone
 * and every trigger feeds it too, so the writes made during the rebuild are in it when it is
 * swapped in (lib/settings/time-zone.ts).
 *
 * To change a rollup: edit the definitions below, then add a custom migration
 * (`npx drizzle-kit generate --custom --name rollup-triggers-<what>`) holding the output of
 * `npm run db:rollup-sql`. tests/integration/rollup-sql.test.ts checks that the newest
 * rollup-triggers migration is exactly this output.
 */

/** The variable of every rollup function holding the zone its days are cut in. */
const ZONE = 'rollup_zone';

/** The rollup day of a timestamp expression: its calendar day in the zone of the rollup. */
export const localDay = (expr: string) => `(${expr} AT TIME ZONE ${ZONE})::date`;
/** The rollup month (its first day) of a timestamp expression. */
export const localMonth = (expr: string) => `date_trunc('month', ${expr} AT TIME ZONE ${ZONE})::date`;

/** The shadow of a rollup table, built in the new zone while a change of zone is rebuilt. */
export const SHADOW_SUFFIX = '_next';
export const shadowOf = (table: string) => `${table}${SHADOW_SUFFIX}`;

/**
 * The declarations and first statement of every rollup function: the company's zone, and the zone
 * of the shadows while they are being built (null otherwise). One read of the settings row per
 * statement that fires a trigger.
 */
export const ZONE_DECLARATIONS = [
  'DECLARE',
  `  ${ZONE} text;`,
  '  shadow_zone text;',
  'BEGIN',
  `  SELECT time_zone, rebuild_time_zone INTO ${ZONE}, shadow_zone FROM company_settings WHERE id = 1;`,
  // Before the settings row exists (a fresh database mid-migration) days are UTC.
  `  ${ZONE} := coalesce(${ZONE}, 'UTC');`,
];

/**
 * The same contributions once more into the shadows, in the zone they are built in, while a
 * rebuild is running. `statements` writes the shadows given the table name suffix.
 */
export const intoShadows = (statements: string, pad: string) =>
  [`${pad}IF shadow_zone IS NOT NULL THEN`, `${pad}  ${ZONE} := shadow_zone;`, statements, `${pad}END IF;`].join('\n');

/**
 * A DO block that runs `body` with rollup_zone set to the zone of the shadows being built, for the
 * rebuild of one shadow (lib/settings/time-zone.ts runs each in its own snapshot).
 */
export const inShadowZone = (body: string[]) =>
  [
    'DO $$',
    'DECLARE',
    `  ${ZONE} text := (SELECT rebuild_time_zone FROM company_settings WHERE id = 1);`,
    'BEGIN',
    `  IF ${ZONE} IS NULL THEN`,
    "    RAISE EXCEPTION 'no time zone rebuild is running';",
    '  END IF;',
    ...body.map((s) => s.replace(/^/gm, '  ')),
    'END $$;',
  ].join('\n');

/** One column of a rollup: its name and what one source row (alias x) adds to it. */
interface Measure {
  column: string;
  perRow: string;
}

/** What one interaction adds to metrics_daily and metrics_monthly. */
export const INTERACTION_MEASURES: Measure[] = [
  { column: 'units', perRow: '1' },
  // Fixed when the interaction is stored (docs/metrics-second-version.md), never the touchpoint's current value.
  { column: 'opportunities', perRow: 'x.opportunities' },
  { column: 'defective_units', perRow: '(x.open_defect_count > 0)::int' },
  { column: 'csat_responses', perRow: '(x.csat IS NOT NULL)::int' },
  { column: 'csat_satisfied', perRow: `coalesce((x.csat >= ${CSAT_SATISFIED_MIN})::int, 0)` },
  { column: 'nps_responses', perRow: '(x.nps IS NOT NULL)::int' },
  { column: 'promoters', perRow: `coalesce((x.nps >= ${NPS_PROMOTER_MIN})::int, 0)` },
  { column: 'detractors', perRow: `coalesce((x.nps <= ${NPS_DETRACTOR_MAX})::int, 0)` },
  { column: 'effort_responses', perRow: '(x.effort IS NOT NULL)::int' },
  { column: 'effort_sum', perRow: 'coalesce(x.effort, 0)' },
  { column: 'gap_responses', perRow: '(x.experience - x.expectation IS NOT NULL)::int' },
  { column: 'gap_sum', perRow: 'coalesce(x.experience - x.expectation, 0)' },
];

/** What one non-dismissed defect adds to the metrics rollups and to the Pareto's. */
export const DEFECT_MEASURES: Measure[] = [
  { column: 'defects', perRow: '1' },
  { column: 'lost_revenue', perRow: 'x.lost_revenue' },
];

type Source = 'interactions' | 'defects';

/** A rollup table: its key (the period column first) and its measure columns. */
export interface RollupTable {
  name:
    | 'metrics_daily'
    | 'metrics_monthly'
    | 'defect_category_daily'
    | 'defect_category_monthly'
    | 'trend_daily'
    | 'trend_total_daily'
    | 'category_total_daily'
    | 'category_total_monthly'
    | 'defect_backlog_daily';
  /** The period key, computed by `of` from the source row's `from` column (occurred_at unless named). */
  period: { column: 'day' | 'month' | 'raised_on'; of: (expr: string) => string; from?: 'created_at' };
  keys: string[];
  measures: Measure[];
  /**
   * Free space left in each page: the fold updates a key's folded row in place, which PostgreSQL
   * can do without touching the indexes (a HOT update) only when the row's page has room.
   */
  fillfactor: number;
}

const pick = (measures: Measure[], columns: string[]) => measures.filter((m) => columns.includes(m.column));

const DAY = { column: 'day', of: localDay } as const;
const MONTH = { column: 'month', of: localMonth } as const;

export const ROLLUP_TABLES: RollupTable[] = [
  {
    name: 'metrics_daily',
    period: DAY,
    keys: ['touchpoint_id', 'segment_id'],
    measures: [...INTERACTION_MEASURES, ...DEFECT_MEASURES],
    fillfactor: 80,
  },
  {
    name: 'metrics_monthly',
    period: MONTH,
    keys: ['touchpoint_id', 'segment_id'],
    measures: [...INTERACTION_MEASURES, ...DEFECT_MEASURES],
    // A month's rows are folded into many times a day for a month: keep half of each page free.
    fillfactor: 50,
  },
  {
    name: 'defect_category_daily',
    period: DAY,
    keys: ['touchpoint_id', 'segment_id', 'category_id'],
    measures: DEFECT_MEASURES,
    fillfactor: 80,
  },
  {
    name: 'defect_category_monthly',
    period: MONTH,
    keys: ['touchpoint_id', 'segment_id', 'category_id'],
    measures: DEFECT_MEASURES,
    fillfactor: 50,
  },
  {
    // The trend by day or week over long periods: only its four measures, and no segment, so a
    // year is 365 × touchpoints rows of five columns instead of 365 × touchpoints × segments of 17.
    name: 'trend_daily',
    period: DAY,
    keys: ['touchpoint_id'],
    measures: [
      ...pick(INTERACTION_MEASURES, ['units', 'opportunities', 'defective_units']),
      ...pick(DEFECT_MEASURES, ['defects']),
    ],
    fillfactor: 80,
  },
  // The unfiltered dashboard (no touchpoint, stage, channel or segment chosen), its default view:
  // the trend by day and the Pareto without the keys only a filter needs, so a year by day reads
  // 365 trend rows and a year's Pareto about 12 × categories.
  {
    name: 'trend_total_daily',
    period: DAY,
    keys: [],
    measures: [
      ...pick(INTERACTION_MEASURES, ['units', 'opportunities', 'defective_units']),
      ...pick(DEFECT_MEASURES, ['defects']),
    ],
    fillfactor: 80,
  },
  { name: 'category_total_daily', period: DAY, keys: ['category_id'], measures: DEFECT_MEASURES, fillfactor: 80 },
  { name: 'category_total_monthly', period: MONTH, keys: ['category_id'], measures: DEFECT_MEASURES, fillfactor: 50 },
  // The backlog cards: every defect (any status) by the UTC day it was recorded, status, due date
  // and whether it has an owner, so open, overdue, unassigned and age counts read a few thousand
  // rows instead of every open defect. Ages are measured from now(), not a company day, so the
  // day is UTC and the rows do not depend on the company's zone; lib/queries/backlog.ts counts
  // the one day a boundary falls in from the raw rows.
  {
    name: 'defect_backlog_daily',
    period: { column: 'raised_on', of: (expr) => `(${expr} AT TIME ZONE 'UTC')::date`, from: 'created_at' },
    keys: ['status', 'due_on', 'assigned'],
    measures: [{ column: 'defects', perRow: '1' }],
    fillfactor: 80,
  },
];

/** What a rollup table is fed: which source table, which of its measures, which rows count. */
interface Feed {
  table: RollupTable;
  source: Source;
  measures: Measure[];
  where?: string;
}

const table = (name: RollupTable['name']) => ROLLUP_TABLES.find((t) => t.name === name)!;
const NOT_DISMISSED = "x.status <> 'dismissed'";

/** A trend rollup's two feeds: its interaction measures from interactions, its defects from defects. */
const trendFeeds = (name: 'trend_daily' | 'trend_total_daily'): Feed[] => [
  {
    table: table(name),
    source: 'interactions',
    measures: table(name).measures.filter((m) => INTERACTION_MEASURES.includes(m)),
  },
  {
    table: table(name),
    source: 'defects',
    measures: table(name).measures.filter((m) => DEFECT_MEASURES.includes(m)),
    where: NOT_DISMISSED,
  },
];

/** Every rollup fed by each source table. The one list the triggers and the rebuild are written from. */
export const FEEDS: Feed[] = [
  { table: table('metrics_daily'), source: 'interactions', measures: INTERACTION_MEASURES },
  { table: table('metrics_monthly'), source: 'interactions', measures: INTERACTION_MEASURES },
  { table: table('metrics_daily'), source: 'defects', measures: DEFECT_MEASURES, where: NOT_DISMISSED },
  { table: table('metrics_monthly'), source: 'defects', measures: DEFECT_MEASURES, where: NOT_DISMISSED },
  { table: table('defect_category_daily'), source: 'defects', measures: DEFECT_MEASURES, where: NOT_DISMISSED },
  { table: table('defect_category_monthly'), source: 'defects', measures: DEFECT_MEASURES, where: NOT_DISMISSED },
  ...trendFeeds('trend_daily'),
  ...trendFeeds('trend_total_daily'),
  { table: table('category_total_daily'), source: 'defects', measures: DEFECT_MEASURES, where: NOT_DISMISSED },
  { table: table('category_total_monthly'), source: 'defects', measures: DEFECT_MEASURES, where: NOT_DISMISSED },
  { table: table('defect_backlog_daily'), source: 'defects', measures: table('defect_backlog_daily').measures },
];

/** A key's value in a source row (alias x) where it is not simply the column of that name. */
const KEY_VALUES: Record<string, string> = {
  // The customer's segment, joined in by `signed`, `everything` and `reassigned`.
  segment_id: 'x.seg',
  assigned: '(x.owner_id IS NOT NULL)',
};

/**
 * One INSERT of signed contributions into a rollup as delta rows, one per key. `rows` yields x.s
 * (+1 or −1), the segment as x.seg and the source table's columns; `pad` indents the statement
 * inside a function body.
 */
function append(feed: Feed, rows: string, pad: string, suffix = ''): string {
  const { table: target } = feed;
  const keys = [target.period.column, ...target.keys];
  const keyValues = target.keys.map((k) => KEY_VALUES[k] ?? `x.${k}`);
  const sums = feed.measures.map((m) => (m.perRow === '1' ? 'sum(x.s)' : `sum(x.s * ${m.perRow})`));
  const groups = keys.map((_, i) => i + 1).join(', ');
  const lines = [
    `INSERT INTO ${target.name}${suffix} (${[...keys, ...feed.measures.map((m) => m.column)].join(', ')})`,
    `SELECT ${[target.period.of(`x.${target.period.from ?? 'occurred_at'}`), ...keyValues].join(', ')},`,
    `  ${sums.join(',\n  ')}`,
    `FROM (${rows}) x`,
    ...(feed.where ? [`WHERE ${feed.where}`] : []),
    `GROUP BY ${groups}`,
    // Contributions that cancel out (an edit of nothing counted) write nothing.
    `HAVING ${sums.map((s) => `${s} <> 0`).join(' OR ')};`,
  ];
  return lines.map((line) => line.replace(/^/gm, pad)).join('\n');
}

/**
 * Moves a rollup's committed delta rows into its folded rows, in one statement: the deleted
 * deltas, summed per key, are added to the key's folded row (created if new). Deltas of
 * transactions still running are not visible here and stay for the next fold.
 */
function fold(target: RollupTable, pad: string, name: string = target.name): string {
  const keys = [target.period.column, ...target.keys];
  const columns = target.measures.map((m) => m.column);
  const groups = keys.map((_, i) => i + 1).join(', ');
  const lines = [
    `WITH d AS (DELETE FROM ${name} WHERE delta RETURNING *)`,
    `INSERT INTO ${name} AS r (${[...keys, ...columns].join(', ')}, delta)`,
    `SELECT ${keys.join(', ')}, ${columns.map((c) => `sum(${c})`).join(', ')}, false FROM d`,
    `GROUP BY ${groups}`,
    // Folds lock folded rows in one order, so two folds cannot deadlock.
    `ORDER BY ${groups}`,
    `ON CONFLICT (${keys.join(', ')}) WHERE NOT delta DO UPDATE SET`,
    `  ${columns.map((c) => `${c} = r.${c} + excluded.${c}`).join(',\n  ')};`,
  ];
  return lines.map((line) => line.replace(/^/gm, pad)).join('\n');
}

/** Signed rows of a table's transition tables, with each row's customer segment as seg. */
const signed = (parts: ('old' | 'new')[]) =>
  parts
    .map(
      (part) =>
        `SELECT ${part === 'old' ? -1 : 1} AS s, c.segment_id AS seg, t.* FROM ${part}_rows t LEFT JOIN customers c ON c.id = t.customer_id`,
    )
    .join(' UNION ALL ');

/** Every stored row of a table, counted once, for a rebuild. */
const everything = (source: Source) =>
  `SELECT 1 AS s, c.segment_id AS seg, t.* FROM ${source} t LEFT JOIN customers c ON c.id = t.customer_id`;

/** Rows of a table whose customer moved segment (moved: id, old_segment, new_segment): out of the old, into the new. */
const reassigned = (source: Source) =>
  `SELECT -1 AS s, m.old_segment AS seg, t.* FROM ${source} t JOIN moved m ON m.id = t.customer_id UNION ALL SELECT 1, m.new_segment, t.* FROM ${source} t JOIN moved m ON m.id = t.customer_id`;

const OPS: Record<'INSERT' | 'UPDATE' | 'DELETE', ('old' | 'new')[]> = {
  INSERT: ['new'],
  UPDATE: ['old', 'new'],
  DELETE: ['old'],
};

const feedsOf = (source: Source) => FEEDS.filter((f) => f.source === source);

/** A trigger function for interactions or defects: one branch per operation, TRUNCATE rebuilds. */
function tableFunction(source: Source): string {
  const appends = (op: keyof typeof OPS, pad: string, suffix = '') =>
    feedsOf(source)
      .map((f) => append(f, signed(OPS[op]), pad, suffix))
      .join('\n');
  const branches = (Object.keys(OPS) as (keyof typeof OPS)[]).map(
    (op, i) =>
      `  ${i === 0 ? 'IF' : 'ELSIF'} TG_OP = '${op}' THEN\n${appends(op, '    ')}\n${intoShadows(appends(op, '      ', SHADOW_SUFFIX), '    ')}`,
  );
  return [
    `CREATE FUNCTION ${source}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$`,
    ...ZONE_DECLARATIONS,
    ...branches,
    '  ELSE',
    '    -- TRUNCATE: count again whatever the other table still holds.',
    '    PERFORM rebuild_metric_rollups();',
    '  END IF;',
    '  RETURN NULL;',
    'END $$;',
  ].join('\n');
}

/**
 * The set-based rebuild of every rollup from the raw tables, as statements: empty the rollup
 * tables, then one INSERT of folded rows per feed. The one place that knows how each rollup is
 * rebuilt; rebuild_metric_rollups() runs exactly these.
 */
export function rebuildRollupStatements(): string[] {
  return [
    `TRUNCATE ${ROLLUP_TABLES.map((t) => t.name).join(', ')};`,
    // As deltas, then folded: two feeds of one table (interactions and defects) share its keys.
    ...FEEDS.map((f) => append(f, everything(f.source), '')),
    ...ROLLUP_TABLES.map((t) => fold(t, '')),
  ];
}

function rebuildFunction(): string {
  return [
    'CREATE FUNCTION rebuild_metric_rollups() RETURNS void LANGUAGE plpgsql AS $$',
    ...ZONE_DECLARATIONS,
    ...rebuildRollupStatements().map((s) => s.replace(/^/gm, '  ')),
    'END $$;',
  ].join('\n');
}

/**
 * The rebuild of each metric rollup's shadow in the zone being built, one step per table: empty
 * what this snapshot sees of the shadow (the trigger rows of writes it already holds), count the
 * raw rows again, and fold. Trigger rows of writes this snapshot does not see are neither deleted
 * nor counted, so they stay, and the shadow ends exact.
 */
export function shadowRebuildSteps(): { tables: string[]; sql: string }[] {
  return ROLLUP_TABLES.map((t) => ({
    tables: [t.name],
    sql: inShadowZone([
      `DELETE FROM ${shadowOf(t.name)};`,
      ...FEEDS.filter((f) => f.table === t).map((f) => append(f, everything(f.source), '', SHADOW_SUFFIX)),
      fold(t, '', shadowOf(t.name)),
    ]),
  }));
}

/** A lock number of its own, so only one fold runs at a time and the others skip. */
export const FOLD_LOCK = 7_345_019;

function foldFunction(): string {
  return [
    'CREATE FUNCTION fold_metric_rollups() RETURNS boolean LANGUAGE plpgsql AS $$',
    'BEGIN',
    `  IF NOT pg_try_advisory_xact_lock(${FOLD_LOCK}) THEN`,
    '    RETURN false;',
    '  END IF;',
    ...ROLLUP_TABLES.map((t) => fold(t, '  ')),
    '  RETURN true;',
    'END $$;',
  ].join('\n');
}

/**
 * Customers: a segment change moves their interactions and defects from the old segment's rows
 * to the new one's (statement-level UPDATE); a deleted customer's defects fall to "no segment"
 * (row-level BEFORE DELETE, while the rows still point at it).
 */
function customersFunction(): string {
  const moved = {
    UPDATE:
      'SELECT o.id, o.segment_id AS old_segment, n.segment_id AS new_segment FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.segment_id IS DISTINCT FROM n.segment_id',
    DELETE: 'SELECT OLD.id, OLD.segment_id AS old_segment, NULL::uuid AS new_segment WHERE OLD.segment_id IS NOT NULL',
  };
  // Rollups without a segment key are not touched by a segment change.
  const statements = (op: keyof typeof moved, pad: string, suffix = '') =>
    FEEDS.filter((f) => f.table.keys.includes('segment_id'))
      .map((f) => `${pad}WITH moved AS (${moved[op]})\n${append(f, reassigned(f.source), pad, suffix)}`)
      .join('\n');
  return [
    'CREATE FUNCTION customers_rollup() RETURNS trigger LANGUAGE plpgsql AS $$',
    ...ZONE_DECLARATIONS,
    "  IF TG_OP = 'UPDATE' THEN",
    // Most updates of customers move no segment (a lifecycle move in every API batch): nothing to
    // move, so skip the statements' joins (100 moves: 13-34 -> 6-15 ms per UPDATE).
    `    IF NOT EXISTS (${moved.UPDATE}) THEN`,
    '      RETURN NULL;',
    '    END IF;',
    statements('UPDATE', '    '),
    intoShadows(statements('UPDATE', '      ', SHADOW_SUFFIX), '    '),
    '    RETURN NULL;',
    '  END IF;',
    statements('DELETE', '  '),
    intoShadows(statements('DELETE', '    ', SHADOW_SUFFIX), '  '),
    '  RETURN OLD;',
    'END $$;',
  ].join('\n');
}

const triggers = (source: Source) => [
  `CREATE TRIGGER ${source}_rollup_insert AFTER INSERT ON ${source} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${source}_rollup();`,
  `CREATE TRIGGER ${source}_rollup_update AFTER UPDATE ON ${source} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${source}_rollup();`,
  `CREATE TRIGGER ${source}_rollup_delete AFTER DELETE ON ${source} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${source}_rollup();`,
  `CREATE TRIGGER ${source}_rollup_truncate AFTER TRUNCATE ON ${source} FOR EACH STATEMENT EXECUTE FUNCTION ${source}_rollup();`,
];

/**
 * Storage settings of the rollup tables: room for in-place folds, and autovacuum after 2 % of a
 * table changed (not the default 20 %), since every fold deletes the delta rows it moved.
 */
const storage = (t: RollupTable) => [
  // The fold's ON CONFLICT target: one folded row per key (drizzle cannot declare NULLS NOT DISTINCT on an index).
  `DROP INDEX IF EXISTS ${t.name}_key;`,
  `CREATE UNIQUE INDEX ${t.name}_key ON ${t.name} (${[t.period.column, ...t.keys].join(', ')}) NULLS NOT DISTINCT WHERE NOT delta;`,
  `ALTER TABLE ${t.name} SET (fillfactor = ${t.fillfactor}, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500, autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);`,
];

/** Every rollup trigger and function of the previous generations, by name. */
const DROPS = [
  'DROP TRIGGER IF EXISTS interactions_rollup_insert ON interactions;',
  'DROP TRIGGER IF EXISTS interactions_rollup_update ON interactions;',
  'DROP TRIGGER IF EXISTS interactions_rollup_delete ON interactions;',
  'DROP TRIGGER IF EXISTS interactions_rollup_truncate ON interactions;',
  'DROP TRIGGER IF EXISTS defects_rollup_insert ON defects;',
  'DROP TRIGGER IF EXISTS defects_rollup_update ON defects;',
  'DROP TRIGGER IF EXISTS defects_rollup_delete ON defects;',
  'DROP TRIGGER IF EXISTS defects_rollup_truncate ON defects;',
  'DROP TRIGGER IF EXISTS customers_rollup_update ON customers;',
  'DROP TRIGGER IF EXISTS customers_rollup_before_delete ON customers;',
  'DROP FUNCTION IF EXISTS interactions_rollup_insert(), interactions_rollup_update(), interactions_rollup_delete(), defects_rollup_insert(), defects_rollup_update(), defects_rollup_delete(), metrics_rollup_truncate(), customers_rollup_update(), customers_rollup_before_delete(), interactions_rollup(), defects_rollup(), customers_rollup(), rebuild_metric_rollups(), fold_metric_rollups();',
];

/** The whole migration: drop the old triggers, create the new ones, and count every stored row again. */
export function rollupMigrationSql(): string {
  const statements = [
    ...DROPS,
    ...ROLLUP_TABLES.flatMap(storage),
    rebuildFunction(),
    foldFunction(),
    tableFunction('interactions'),
    ...triggers('interactions'),
    tableFunction('defects'),
    ...triggers('defects'),
    customersFunction(),
    'CREATE TRIGGER customers_rollup_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_rollup();',
    'CREATE TRIGGER customers_rollup_before_delete BEFORE DELETE ON customers FOR EACH ROW EXECUTE FUNCTION customers_rollup();',
    'SELECT rebuild_metric_rollups();',
  ];
  return (
    [
      '-- Generated by db/rollup-sql.ts (npm run db:rollup-sql): edit that file, not this one.',
      statements.join('\n--> statement-breakpoint\n'),
    ].join('\n') + '\n'
  );
}

/**
 * Every rollup's set-based rebuild: SQL functions that empty their rollup tables and count every
 * stored row again, each safe inside one transaction. A change of what a day is (the company time
 * zone) runs them all; a new rollup adds its rebuild here.
 */
export const ROLLUP_REBUILD_FUNCTIONS = ['rebuild_metric_rollups', 'rebuild_voice_rollups'] as const;
