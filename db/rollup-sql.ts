import { CSAT_SATISFIED_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from './score-bands';

/*
 * The SQL of the metric rollup triggers, generated from one definition. metrics_daily and
 * defect_category_daily are kept exact in the transaction of every write to interactions, defects
 * and customers: statement-level triggers with transition tables add the new rows' contributions
 * and subtract the old ones', so a batch of 1,000 interactions costs one upsert per
 * day × touchpoint × segment, not one per row. Upserts run in key order so concurrent writers
 * lock rollup rows in one order.
 *
 * To change a rollup: edit the measures below, then add a custom migration
 * (`npx drizzle-kit generate --custom --name rollup-triggers-<what>`) holding the output of
 * `npm run db:rollup-sql`. tests/integration/rollup-sql.test.ts checks that the newest
 * rollup-triggers migration is exactly this output.
 */

/** One column of a rollup: its name and what one source row (alias x) adds to it. */
interface Measure {
  column: string;
  perRow: string;
}

/** What one interaction adds to metrics_daily. */
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

/** What one non-dismissed defect adds to metrics_daily and to defect_category_daily. */
export const DEFECT_MEASURES: Measure[] = [
  { column: 'defects', perRow: '1' },
  { column: 'lost_revenue', perRow: 'x.lost_revenue' },
];

interface Target {
  table: 'metrics_daily' | 'defect_category_daily';
  /** Key columns after day, touchpoint and segment. */
  extraKeys: string[];
  measures: Measure[];
  /** Which source rows count. */
  where?: string;
}

const TARGETS = {
  interactions: { table: 'metrics_daily', extraKeys: [], measures: INTERACTION_MEASURES },
  defectsDaily: {
    table: 'metrics_daily',
    extraKeys: [],
    measures: DEFECT_MEASURES,
    where: "x.status <> 'dismissed'",
  },
  defectCategories: {
    table: 'defect_category_daily',
    extraKeys: ['category_id'],
    measures: DEFECT_MEASURES,
    where: "x.status <> 'dismissed'",
  },
} satisfies Record<string, Target>;

/**
 * One upsert of signed contributions into a rollup. `rows` yields x.s (+1 or −1), the segment as
 * x.seg and the source table's columns; `pad` indents the statement inside a function body.
 */
function upsert(target: Target, rows: string, pad: string): string {
  const keys = ['day', 'touchpoint_id', 'segment_id', ...target.extraKeys];
  const sums = target.measures.map((m) => (m.perRow === '1' ? 'sum(x.s)' : `sum(x.s * ${m.perRow})`));
  const groups = keys.map((_, i) => i + 1).join(', ');
  const lines = [
    `INSERT INTO ${target.table} AS r (${[...keys, ...target.measures.map((m) => m.column)].join(', ')})`,
    `SELECT (x.occurred_at AT TIME ZONE 'UTC')::date, x.touchpoint_id, x.seg${target.extraKeys.map((k) => `, x.${k}`).join('')},`,
    `  ${sums.join(',\n  ')}`,
    `FROM (${rows}) x`,
    ...(target.where ? [`WHERE ${target.where}`] : []),
    `GROUP BY ${groups}`,
    // Contributions that cancel out (an edit of nothing counted) write nothing.
    `HAVING ${sums.map((s) => `${s} <> 0`).join(' OR ')}`,
    `ORDER BY ${groups}`,
    `ON CONFLICT ON CONSTRAINT ${target.table}_key DO UPDATE SET`,
    `  ${target.measures.map((m) => `${m.column} = r.${m.column} + excluded.${m.column}`).join(',\n  ')};`,
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
const everything = (table: 'interactions' | 'defects') =>
  `SELECT 1 AS s, c.segment_id AS seg, t.* FROM ${table} t LEFT JOIN customers c ON c.id = t.customer_id`;

/** Rows of a table whose customer moved segment (moved: id, old_segment, new_segment): out of the old, into the new. */
const reassigned = (table: 'interactions' | 'defects') =>
  `SELECT -1 AS s, m.old_segment AS seg, t.* FROM ${table} t JOIN moved m ON m.id = t.customer_id UNION ALL SELECT 1, m.new_segment, t.* FROM ${table} t JOIN moved m ON m.id = t.customer_id`;

const OPS: Record<'INSERT' | 'UPDATE' | 'DELETE', ('old' | 'new')[]> = {
  INSERT: ['new'],
  UPDATE: ['old', 'new'],
  DELETE: ['old'],
};

/** A trigger function for interactions or defects: one branch per operation, TRUNCATE rebuilds. */
function tableFunction(table: 'interactions' | 'defects', targets: Target[]): string {
  const branches = (Object.keys(OPS) as (keyof typeof OPS)[]).map(
    (op, i) =>
      `  ${i === 0 ? 'IF' : 'ELSIF'} TG_OP = '${op}' THEN\n${targets.map((t) => upsert(t, signed(OPS[op]), '    ')).join('\n')}`,
  );
  return [
    `CREATE FUNCTION ${table}_rollup() RETURNS trigger LANGUAGE plpgsql AS $$`,
    'BEGIN',
    ...branches,
    '  ELSE',
    '    -- TRUNCATE: count again whatever the other table still holds.',
    '    PERFORM rebuild_metric_rollups();',
    '  END IF;',
    '  RETURN NULL;',
    'END $$;',
  ].join('\n');
}

const INTERACTION_TARGETS = [TARGETS.interactions];
const DEFECT_TARGETS = [TARGETS.defectsDaily, TARGETS.defectCategories];

function rebuildFunction(): string {
  return [
    'CREATE FUNCTION rebuild_metric_rollups() RETURNS void LANGUAGE plpgsql AS $$',
    'BEGIN',
    '  TRUNCATE metrics_daily, defect_category_daily;',
    upsert(TARGETS.interactions, everything('interactions'), '  '),
    ...DEFECT_TARGETS.map((t) => upsert(t, everything('defects'), '  ')),
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
  const statements = (op: keyof typeof moved) =>
    [[TARGETS.interactions, 'interactions'] as const, ...DEFECT_TARGETS.map((t) => [t, 'defects'] as const)]
      .map(([target, table]) => `    WITH moved AS (${moved[op]})\n${upsert(target, reassigned(table), '    ')}`)
      .join('\n');
  return [
    'CREATE FUNCTION customers_rollup() RETURNS trigger LANGUAGE plpgsql AS $$',
    'BEGIN',
    "  IF TG_OP = 'UPDATE' THEN",
    statements('UPDATE'),
    '    RETURN NULL;',
    '  END IF;',
    statements('DELETE'),
    '  RETURN OLD;',
    'END $$;',
  ].join('\n');
}

const triggers = (table: 'interactions' | 'defects') => [
  `CREATE TRIGGER ${table}_rollup_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rollup();`,
  `CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rollup();`,
  `CREATE TRIGGER ${table}_rollup_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rollup();`,
  `CREATE TRIGGER ${table}_rollup_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rollup();`,
];

/** Every rollup trigger and function of the previous generation, by name. */
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
  'DROP FUNCTION IF EXISTS interactions_rollup_insert(), interactions_rollup_update(), interactions_rollup_delete(), defects_rollup_insert(), defects_rollup_update(), defects_rollup_delete(), metrics_rollup_truncate(), customers_rollup_update(), customers_rollup_before_delete(), interactions_rollup(), defects_rollup(), customers_rollup(), rebuild_metric_rollups();',
];

/** The whole migration: drop the old triggers, create the new ones, and count every stored row again. */
export function rollupMigrationSql(): string {
  const statements = [
    ...DROPS,
    rebuildFunction(),
    tableFunction('interactions', INTERACTION_TARGETS),
    ...triggers('interactions'),
    tableFunction('defects', DEFECT_TARGETS),
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
