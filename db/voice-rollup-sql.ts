import {
  SHADOW_SUFFIX,
  ZONE_DECLARATIONS,
  inShadowZone,
  intoShadows,
  localDay,
  localMonth,
  shadowOf,
} from './rollup-sql';
import { CSAT_UNHAPPY_MAX, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN } from './score-bands';

/*
 * The SQL of the voice-of-customer and portfolio rollups (docs/voice-of-customer.md "Speed",
 * docs/portfolio.md "Speed"), generated from the definitions below, apart from the dashboard's
 * rollups in db/rollup-sql.ts (whose localDay / localMonth give every day and month key here too):
 *
 *   comment_phrase_*        key phrases of unhappy comments per day or month × phrase, with or
 *                           without touchpoint and segment (PHRASE_ROLLUPS below)
 *   portfolio_daily         customers' revenue won, NPS answers and lost revenue per day × segment × lifecycle
 *   retention_monthly       customers per first-contact cohort × month with contact
 *   defection_base_steps    +1/−1 steps whose running sum is the defection base of each month
 *
 * Kept exact in the transaction of every write to interactions, defects and customers by
 * statement-level triggers with transition tables. Writers only append delta rows (delta = true),
 * never update a shared row, so concurrent writers do not queue on a row lock;
 * fold_voice_rollups() (a job every minute) moves the committed deltas into one folded row per
 * key. Readers always sum.
 *
 * The first three are sums over rows, so a statement adds its new rows' contributions and
 * subtracts its old rows'. Retention and the defection base are not: a customer's cohort is their
 * first contact and their base months follow from their last contact of each month. So for the
 * customers a statement touches, the trigger derives their contributions from their contacts as
 * they were (the table now, less the statement's new rows, plus its old rows) and as they are, and
 * appends the difference. That costs a read of those customers' interactions (by the
 * customer_id, occurred_at index), and nothing for an update that moves no interaction in time or
 * to another customer.
 *
 * To change these rollups: edit this file, then add a custom migration
 * (`npx drizzle-kit generate --custom --name voice-rollups-<what>`) holding the output of
 * `npm run db:rollup-sql -- voice`. tests/integration/rollup-sql.test.ts checks that the newest
 * voice-rollups migration is exactly this output.
 */

/** The comments the keyword themes read: experience below expectation, an NPS detractor or CSAT ≤ 2. */
export const unhappy = (x: string) =>
  `(${x}.experience < ${x}.expectation OR ${x}.nps <= ${NPS_DETRACTOR_MAX} OR ${x}.csat <= ${CSAT_UNHAPPY_MAX})`;

interface Column {
  column: string;
  /** What one source row (alias x, sign x.s) gives this column. */
  expr: string;
}

/** A rollup fed by sums over source rows. */
interface SumFeed {
  table: string;
  keys: Column[];
  /** Measures: what one source row adds, before its sign. */
  measures: Column[];
  /** Extra FROM items after the source rows (x), e.g. unnesting the phrases. */
  lateral?: string;
  where?: string;
}

const PHRASE = 'CROSS JOIN LATERAL unnest(x.comment_phrases) AS p(phrase)';

/**
 * The phrase rollups: one per grain × the dimensions it keeps. The daily one with touchpoint and
 * segment answers any scope; the smaller ones answer the common questions in fewer rows (whole
 * months unscoped, by touchpoint, by segment or by both; the odd days around them unscoped).
 * lib/queries/voice.ts picks the smallest that holds what a question needs.
 */
export interface PhraseRollup {
  table: string;
  grain: 'day' | 'month';
  dims: ('touchpoint_id' | 'segment_id')[];
}

export const PHRASE_ROLLUPS: PhraseRollup[] = [
  { table: 'comment_phrase_daily', grain: 'day', dims: ['touchpoint_id', 'segment_id'] },
  { table: 'comment_phrase_daily_total', grain: 'day', dims: [] },
  { table: 'comment_phrase_monthly', grain: 'month', dims: [] },
  { table: 'comment_phrase_monthly_touchpoint', grain: 'month', dims: ['touchpoint_id'] },
  { table: 'comment_phrase_monthly_segment', grain: 'month', dims: ['segment_id'] },
  { table: 'comment_phrase_monthly_detail', grain: 'month', dims: ['touchpoint_id', 'segment_id'] },
];

const DIM_EXPR = { touchpoint_id: 'x.touchpoint_id', segment_id: 'x.seg' } as const;

const phraseFeed = (rollup: PhraseRollup): SumFeed => ({
  table: rollup.table,
  keys: [
    rollup.grain === 'day'
      ? { column: 'day', expr: localDay('x.occurred_at') }
      : { column: 'month', expr: localMonth('x.occurred_at') },
    ...rollup.dims.map((d) => ({ column: d, expr: DIM_EXPR[d] })),
    { column: 'phrase', expr: 'p.phrase' },
  ],
  measures: [{ column: 'comments', expr: '1' }],
  lateral: PHRASE,
  where: unhappy('x'),
});

const PHRASE_FEEDS = PHRASE_ROLLUPS.map(phraseFeed);
/** The phrase rollups a customer's segment change moves. */
const PHRASE_FEEDS_BY_SEGMENT = PHRASE_FEEDS.filter((f) => f.keys.some((k) => k.column === 'segment_id'));

const PORTFOLIO_KEYS: Column[] = [
  { column: 'day', expr: localDay('x.occurred_at') },
  { column: 'segment_id', expr: 'x.seg' },
  { column: 'lifecycle', expr: 'x.life' },
];

const PORTFOLIO_INTERACTIONS: SumFeed = {
  table: 'portfolio_daily',
  keys: PORTFOLIO_KEYS,
  measures: [
    { column: 'revenue_won', expr: "CASE WHEN x.outcome = 'sale_won' THEN coalesce(x.sale_value, 0) ELSE 0 END" },
    { column: 'nps_responses', expr: '(x.nps IS NOT NULL)::int' },
    { column: 'promoters', expr: `coalesce((x.nps >= ${NPS_PROMOTER_MIN})::int, 0)` },
    { column: 'detractors', expr: `coalesce((x.nps <= ${NPS_DETRACTOR_MAX})::int, 0)` },
  ],
};

const PORTFOLIO_DEFECTS: SumFeed = {
  table: 'portfolio_daily',
  keys: PORTFOLIO_KEYS,
  measures: [{ column: 'lost_revenue', expr: 'x.lost_revenue' }],
  where: "x.status <> 'dismissed'",
};

/** Every rollup table here: its key columns and measure columns, for the fold and the rebuild. */
export const VOICE_ROLLUP_TABLES: { name: string; keys: string[]; measures: string[] }[] = [
  ...PHRASE_FEEDS.map((f) => ({ name: f.table, keys: f.keys.map((k) => k.column), measures: ['comments'] })),
  {
    name: 'portfolio_daily',
    keys: ['day', 'segment_id', 'lifecycle'],
    measures: ['revenue_won', 'nps_responses', 'promoters', 'detractors', 'lost_revenue'],
  },
  { name: 'retention_monthly', keys: ['cohort', 'month'], measures: ['customers'] },
  { name: 'defection_base_steps', keys: ['month'], measures: ['customers'] },
];

const indent = (text: string, pad: string) => text.replace(/^/gm, pad);

/**
 * One INSERT of signed contributions, one row per key. `rows` yields x.s (+1 or −1), the
 * customer's segment as x.seg and lifecycle as x.life, and the source table's columns; `folded`
 * writes folded rows (a rebuild) instead of delta rows (a trigger).
 */
function append(feed: SumFeed, rows: string, folded = false, suffix = ''): string {
  const sums = feed.measures.map((m) => (m.expr === '1' ? 'sum(x.s)' : `sum(x.s * ${m.expr})`));
  const groups = feed.keys.map((_, i) => i + 1).join(', ');
  return [
    `INSERT INTO ${feed.table}${suffix}${folded ? ' AS r' : ''} (${[...feed.keys, ...feed.measures].map((c) => c.column).join(', ')}${folded ? ', delta' : ''})`,
    `SELECT ${feed.keys.map((k) => k.expr).join(', ')},`,
    `  ${sums.join(', ')}${folded ? ', false' : ''}`,
    `FROM (${rows}) x${feed.lateral ? ` ${feed.lateral}` : ''}`,
    ...(feed.where ? [`WHERE ${feed.where}`] : []),
    `GROUP BY ${groups}`,
    // Contributions that cancel out (an edit of nothing counted) write nothing.
    `HAVING ${sums.map((s) => `${s} <> 0`).join(' OR ')}${folded ? '' : ';'}`,
    // A rebuild adds each feed to the folded rows (portfolio_daily has two feeds).
    ...(folded
      ? [
          `ON CONFLICT (${feed.keys.map((k) => k.column).join(', ')}) WHERE NOT delta DO UPDATE SET`,
          `  ${feed.measures.map((m) => `${m.column} = r.${m.column} + excluded.${m.column}`).join(', ')};`,
        ]
      : []),
  ].join('\n');
}

type Source = 'interactions' | 'defects';
type Part = 'old' | 'new';

/**
 * Signed rows of a statement's transition tables with each row's customer's segment (seg) and
 * lifecycle (life). `customers` LEFT keeps rows without a customer (segment "none"); INNER keeps
 * only rows of an existing customer (the portfolio counts customers).
 */
const signed = (parts: Part[], join: 'LEFT' | 'INNER') =>
  parts
    .map(
      (part) =>
        `SELECT ${part === 'old' ? -1 : 1} AS s, c.segment_id AS seg, c.lifecycle AS life, t.* FROM ${part}_rows t ${join} JOIN customers c ON c.id = t.customer_id`,
    )
    .join(' UNION ALL ');

/** Every stored row of a source, counted once, for a rebuild. */
const everything = (source: Source, join: 'LEFT' | 'INNER') =>
  `SELECT 1 AS s, c.segment_id AS seg, c.lifecycle AS life, t.* FROM ${source} t ${join} JOIN customers c ON c.id = t.customer_id`;

/**
 * Rows of a source whose customer moved (moved: id, old_segment, new_segment, old_life,
 * new_life): out of the old key, into the new.
 */
const reassigned = (source: Source) =>
  `SELECT -1 AS s, m.old_segment AS seg, m.old_life AS life, t.* FROM ${source} t JOIN moved m ON m.id = t.customer_id UNION ALL SELECT 1, m.new_segment, m.new_life, t.* FROM ${source} t JOIN moved m ON m.id = t.customer_id`;

const OPS: Record<'INSERT' | 'UPDATE' | 'DELETE', Part[]> = {
  INSERT: ['new'],
  UPDATE: ['old', 'new'],
  DELETE: ['old'],
};

/**
 * Retention and the defection base of the customers in `a` (customer_id), derived from their
 * contacts `c` (s, customer_id, occurred_at): s = −1 for the contacts as they were, +1 as they are
 * (or +1 alone, for a rebuild). Each customer's months with contact (and the last contact of each)
 * give their cohort and months of retention, and the months they are in the defection base: a
 * contact t counts for month M when t < M ≤ t + 365 days, so the contacts of one month cover the
 * months from the next up to the month of its last contact + 365 days; per customer those ranges
 * only grow, so each adds the part past the previous one, as a +1 step at its start and a −1 step
 * after its end. One statement; `folded` for a rebuild.
 */
function customerDerived(contacts: string, folded = false, suffix = ''): string {
  const delta = folded ? ', false' : '';
  const yearLater = localMonth("(cm.last + interval '365 days')");
  return [
    `WITH c AS MATERIALIZED (${contacts}),`,
    `cm AS (SELECT c.s, c.customer_id, ${localMonth('c.occurred_at')} AS m, max(c.occurred_at) AS last FROM c GROUP BY 1, 2, 3),`,
    'firsts AS (SELECT s, customer_id, min(m) AS cohort FROM cm GROUP BY 1, 2),',
    `retained AS (INSERT INTO retention_monthly${suffix} (cohort, month, customers${folded ? ', delta' : ''})`,
    `  SELECT f.cohort, cm.m, sum(cm.s)${delta} FROM cm JOIN firsts f ON f.s = cm.s AND f.customer_id = cm.customer_id`,
    '  GROUP BY 1, 2 HAVING sum(cm.s) <> 0),',
    `ranges AS (SELECT cm.s, (cm.m + interval '1 month')::date AS st, ${yearLater} AS e,`,
    `  lag(${yearLater}) OVER (PARTITION BY cm.s, cm.customer_id ORDER BY cm.m) AS prev_e FROM cm),`,
    "parts AS (SELECT s, greatest(st, coalesce((prev_e + interval '1 month')::date, st)) AS st, e FROM ranges),",
    "steps AS (SELECT st AS m, s AS d FROM parts WHERE st <= e UNION ALL SELECT (e + interval '1 month')::date, -s FROM parts WHERE st <= e)",
    `INSERT INTO defection_base_steps${suffix} (month, customers${folded ? ', delta' : ''})`,
    `SELECT m, sum(d)${delta} FROM steps GROUP BY 1 HAVING sum(d) <> 0;`,
  ].join('\n');
}

/**
 * The contacts of the customers an interactions statement touched, as they were (s = −1: the
 * table now, less the statement's new rows, plus its old rows) and as they are (s = +1). An
 * update counts only when it moves an interaction in time or to another customer.
 */
function touchedContacts(op: keyof typeof OPS): string {
  const touched = {
    // A new contact changes nothing when the customer already had one in its month whose
    // month + 365 days is no earlier: the months, the cohort and each month's reach stay. Asked
    // once per customer and month, of the month's latest new contact (if it is covered, every
    // earlier one of that month is): asked per new row, a statement of one customer's 12,000
    // contacts compared each with the others of its month and ran past the statement timeout.
    INSERT: [
      'SELECT DISTINCT g.customer_id FROM (',
      `SELECT n.customer_id, ${localMonth('n.occurred_at')} AS m, max(n.occurred_at) AS last`,
      'FROM new_rows n WHERE n.customer_id IS NOT NULL GROUP BY 1, 2',
      ') g WHERE NOT EXISTS (',
      'SELECT 1 FROM interactions e WHERE e.customer_id = g.customer_id',
      // A range any month holds the same month in, so the index on (customer_id, occurred_at) narrows it.
      "AND e.occurred_at > g.last - interval '32 days' AND e.occurred_at < g.last + interval '32 days'",
      `AND ${localMonth('e.occurred_at')} = g.m`,
      `AND ${localMonth("(e.occurred_at + interval '365 days')")} >= ${localMonth("(g.last + interval '365 days')")}`,
      'AND e.id NOT IN (SELECT id FROM new_rows))',
    ].join(' '),
    DELETE: 'SELECT DISTINCT customer_id FROM old_rows WHERE customer_id IS NOT NULL',
    UPDATE: [
      'SELECT DISTINCT unnest(ARRAY[o.customer_id, n.customer_id]) AS customer_id',
      'FROM old_rows o JOIN new_rows n ON n.id = o.id',
      'WHERE o.customer_id IS DISTINCT FROM n.customer_id OR o.occurred_at IS DISTINCT FROM n.occurred_at',
    ].join(' '),
  }[op];
  const parts = OPS[op];
  // NOT IN over the transition table is a hashed subplan; NOT EXISTS could become a nested loop
  // over it (transition tables have no statistics), quadratic in a batch of one customer's rows.
  const was = [
    `SELECT -1 AS s, i.customer_id, i.occurred_at FROM interactions i JOIN a ON a.customer_id = i.customer_id${
      parts.includes('new') ? ' WHERE i.id NOT IN (SELECT id FROM new_rows)' : ''
    }`,
    ...(parts.includes('old')
      ? ['SELECT -1, o.customer_id, o.occurred_at FROM old_rows o JOIN a ON a.customer_id = o.customer_id']
      : []),
  ];
  const is = 'SELECT 1, i.customer_id, i.occurred_at FROM interactions i JOIN a ON a.customer_id = i.customer_id';
  return `WITH a AS (SELECT customer_id FROM (${touched}) t WHERE customer_id IS NOT NULL) ${[...was, is].join(' UNION ALL ')}`;
}

/** The trigger function of interactions: phrases, portfolio cells, retention and defection base. */
function interactionsFunction(): string {
  const statements = (op: keyof typeof OPS, pad: string, suffix = '') =>
    [
      ...PHRASE_FEEDS.map((f) => indent(append(f, signed(OPS[op], 'LEFT'), false, suffix), pad)),
      indent(append(PORTFOLIO_INTERACTIONS, signed(OPS[op], 'INNER'), false, suffix), pad),
      indent(customerDerived(touchedContacts(op), false, suffix), pad),
    ].join('\n');
  const branches = (Object.keys(OPS) as (keyof typeof OPS)[]).map((op, i) =>
    [
      `  ${i === 0 ? 'IF' : 'ELSIF'} TG_OP = '${op}' THEN`,
      statements(op, '    '),
      intoShadows(statements(op, '      ', SHADOW_SUFFIX), '    '),
    ].join('\n'),
  );
  return [
    'CREATE FUNCTION interactions_voice_rollup() RETURNS trigger LANGUAGE plpgsql AS $$',
    ...ZONE_DECLARATIONS,
    ...branches,
    '  ELSE',
    '    -- TRUNCATE: count again whatever is left.',
    '    PERFORM rebuild_voice_rollups();',
    '  END IF;',
    '  RETURN NULL;',
    'END $$;',
  ].join('\n');
}

/** The trigger function of defects: lost revenue in the portfolio cells. */
function defectsFunction(): string {
  const branches = (Object.keys(OPS) as (keyof typeof OPS)[]).map((op, i) =>
    [
      `  ${i === 0 ? 'IF' : 'ELSIF'} TG_OP = '${op}' THEN`,
      indent(append(PORTFOLIO_DEFECTS, signed(OPS[op], 'INNER')), '    '),
      intoShadows(indent(append(PORTFOLIO_DEFECTS, signed(OPS[op], 'INNER'), false, SHADOW_SUFFIX), '      '), '    '),
    ].join('\n'),
  );
  return [
    'CREATE FUNCTION defects_voice_rollup() RETURNS trigger LANGUAGE plpgsql AS $$',
    ...ZONE_DECLARATIONS,
    ...branches,
    '  ELSE',
    '    PERFORM rebuild_voice_rollups();',
    '  END IF;',
    '  RETURN NULL;',
    'END $$;',
  ].join('\n');
}

/**
 * Customers: a segment change moves their phrases and cells, a lifecycle change their cells
 * (statement-level UPDATE). One pass over the statement's rows first finds whether any segment or
 * any cell moved at all: most customer updates (the import's lifecycle moves, a rename) move no
 * segment, and then the phrase statements, which read every interaction of the moved customers
 * per rollup, are skipped; an update that moves neither skips the cells too. A deleted customer's
 * defects leave the cells (row-level BEFORE DELETE, while they still point at the customer; their
 * customer is then cleared, and rows without a customer count in no cell). Interactions keep their
 * customer from being deleted.
 */
function customersFunction(): string {
  const moved =
    'SELECT o.id, o.segment_id AS old_segment, n.segment_id AS new_segment, o.lifecycle AS old_life, n.lifecycle AS new_life FROM old_rows o JOIN new_rows n ON n.id = o.id';
  const segmentMoved = `${moved} WHERE o.segment_id IS DISTINCT FROM n.segment_id`;
  const cellMoved = `${moved} WHERE o.segment_id IS DISTINCT FROM n.segment_id OR o.lifecycle IS DISTINCT FROM n.lifecycle`;
  const with_ = (m: string, statement: string, pad: string) => indent(`WITH moved AS (${m})\n${statement}`, pad);
  const when = (flag: string, statements: string[], pad: string) =>
    [`${pad}IF ${flag} THEN`, ...statements, `${pad}END IF;`].join('\n');
  const gone = (source: Source) =>
    `SELECT -1 AS s, OLD.segment_id AS seg, OLD.lifecycle AS life, t.* FROM ${source} t WHERE t.customer_id = OLD.id`;
  const updates = (pad: string, suffix = '') =>
    [
      when(
        'segment_moved',
        PHRASE_FEEDS_BY_SEGMENT.map((f) =>
          with_(segmentMoved, append(f, reassigned('interactions'), false, suffix), `${pad}  `),
        ),
        pad,
      ),
      when(
        'cell_moved',
        [
          with_(cellMoved, append(PORTFOLIO_INTERACTIONS, reassigned('interactions'), false, suffix), `${pad}  `),
          with_(cellMoved, append(PORTFOLIO_DEFECTS, reassigned('defects'), false, suffix), `${pad}  `),
        ],
        pad,
      ),
    ].join('\n');
  const begin = ZONE_DECLARATIONS.indexOf('BEGIN');
  return [
    'CREATE FUNCTION customers_voice_rollup() RETURNS trigger LANGUAGE plpgsql AS $$',
    ...ZONE_DECLARATIONS.slice(0, begin),
    '  segment_moved boolean;',
    '  cell_moved boolean;',
    ...ZONE_DECLARATIONS.slice(begin),
    "  IF TG_OP = 'UPDATE' THEN",
    // bool_or of no rows is NULL, which IF takes as false.
    '    SELECT bool_or(o.segment_id IS DISTINCT FROM n.segment_id),',
    '      bool_or(o.segment_id IS DISTINCT FROM n.segment_id OR o.lifecycle IS DISTINCT FROM n.lifecycle)',
    '      INTO segment_moved, cell_moved',
    '      FROM old_rows o JOIN new_rows n ON n.id = o.id;',
    updates('    '),
    intoShadows(updates('      ', SHADOW_SUFFIX), '    '),
    '    RETURN NULL;',
    '  END IF;',
    indent(append(PORTFOLIO_DEFECTS, gone('defects')), '  '),
    intoShadows(indent(append(PORTFOLIO_DEFECTS, gone('defects'), false, SHADOW_SUFFIX), '    '), '  '),
    '  RETURN OLD;',
    'END $$;',
  ].join('\n');
}

/**
 * The set-based rebuild of every rollup here from the raw tables: empty them, then one INSERT of
 * folded rows per feed. rebuild_voice_rollups() runs exactly these (db/rollup-sql.ts lists it
 * with every other rollup's rebuild).
 */
export function rebuildVoiceRollupStatements(): string[] {
  return [
    `TRUNCATE ${VOICE_ROLLUP_TABLES.map((t) => t.name).join(', ')};`,
    ...PHRASE_FEEDS.map((f) => append(f, everything('interactions', 'LEFT'), true)),
    append(PORTFOLIO_INTERACTIONS, everything('interactions', 'INNER'), true),
    append(PORTFOLIO_DEFECTS, everything('defects', 'INNER'), true),
    customerDerived('SELECT 1 AS s, customer_id, occurred_at FROM interactions WHERE customer_id IS NOT NULL', true),
  ];
}

/**
 * The rebuild of each voice rollup's shadow in the zone being built, one step per table (retention
 * and the defection base together: one statement writes both). As db/rollup-sql.ts
 * shadowRebuildSteps: what this snapshot sees of the shadow is replaced by a count of the raw rows
 * it sees; trigger rows of writes it does not see stay.
 */
export function voiceShadowRebuildSteps(): { tables: string[]; sql: string }[] {
  const step = (tables: string[], statements: string[]) => ({
    tables,
    sql: inShadowZone([...tables.map((t) => `DELETE FROM ${shadowOf(t)};`), ...statements]),
  });
  return [
    ...PHRASE_FEEDS.map((f) => step([f.table], [append(f, everything('interactions', 'LEFT'), true, SHADOW_SUFFIX)])),
    step(
      ['portfolio_daily'],
      [
        append(PORTFOLIO_INTERACTIONS, everything('interactions', 'INNER'), true, SHADOW_SUFFIX),
        append(PORTFOLIO_DEFECTS, everything('defects', 'INNER'), true, SHADOW_SUFFIX),
      ],
    ),
    step(
      ['retention_monthly', 'defection_base_steps'],
      [
        customerDerived(
          'SELECT 1 AS s, customer_id, occurred_at FROM interactions WHERE customer_id IS NOT NULL',
          true,
          SHADOW_SUFFIX,
        ),
      ],
    ),
  ];
}

/**
 * Moves a rollup's committed delta rows into its folded rows, in one statement: the deleted
 * deltas, summed per key, are added to the key's folded row (created if new). Deltas of
 * transactions still running are not visible here and stay for the next fold.
 */
function fold(table: (typeof VOICE_ROLLUP_TABLES)[number]): string {
  const groups = table.keys.map((_, i) => i + 1).join(', ');
  return [
    `WITH d AS (DELETE FROM ${table.name} WHERE delta RETURNING *)`,
    `INSERT INTO ${table.name} AS r (${[...table.keys, ...table.measures].join(', ')}, delta)`,
    `SELECT ${table.keys.join(', ')}, ${table.measures.map((c) => `sum(${c})`).join(', ')}, false FROM d`,
    `GROUP BY ${groups}`,
    // Folds lock folded rows in one order, so two folds cannot deadlock.
    `ORDER BY ${groups}`,
    `ON CONFLICT (${table.keys.join(', ')}) WHERE NOT delta DO UPDATE SET`,
    `  ${table.measures.map((c) => `${c} = r.${c} + excluded.${c}`).join(', ')};`,
  ].join('\n');
}

/** A lock number of its own, so only one fold runs at a time and the others skip. */
export const VOICE_FOLD_LOCK = 7_345_020;

function functions(): string[] {
  return [
    [
      'CREATE FUNCTION rebuild_voice_rollups() RETURNS void LANGUAGE plpgsql AS $$',
      ...ZONE_DECLARATIONS,
      ...rebuildVoiceRollupStatements().map((s) => indent(s, '  ')),
      'END $$;',
    ].join('\n'),
    [
      'CREATE FUNCTION fold_voice_rollups() RETURNS boolean LANGUAGE plpgsql AS $$',
      'BEGIN',
      `  IF NOT pg_try_advisory_xact_lock(${VOICE_FOLD_LOCK}) THEN`,
      '    RETURN false;',
      '  END IF;',
      ...VOICE_ROLLUP_TABLES.map((t) => indent(fold(t), '  ')),
      // Keys whose sum came to nothing (a phrase edited away) keep no row.
      ...VOICE_ROLLUP_TABLES.map(
        (t) => `  DELETE FROM ${t.name} WHERE NOT delta AND ${t.measures.map((m) => `${m} = 0`).join(' AND ')};`,
      ),
      '  RETURN true;',
      'END $$;',
    ].join('\n'),
    interactionsFunction(),
    defectsFunction(),
    customersFunction(),
  ];
}

const triggers = (source: Source) => [
  `CREATE TRIGGER ${source}_voice_rollup_insert AFTER INSERT ON ${source} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${source}_voice_rollup();`,
  `CREATE TRIGGER ${source}_voice_rollup_update AFTER UPDATE ON ${source} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${source}_voice_rollup();`,
  `CREATE TRIGGER ${source}_voice_rollup_delete AFTER DELETE ON ${source} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${source}_voice_rollup();`,
  `CREATE TRIGGER ${source}_voice_rollup_truncate AFTER TRUNCATE ON ${source} FOR EACH STATEMENT EXECUTE FUNCTION ${source}_voice_rollup();`,
];

/** Every trigger and function of the previous generation, by name. */
const DROPS = [
  ...(['interactions', 'defects'] as const).flatMap((source) =>
    ['insert', 'update', 'delete', 'truncate'].map(
      (op) => `DROP TRIGGER IF EXISTS ${source}_voice_rollup_${op} ON ${source};`,
    ),
  ),
  'DROP TRIGGER IF EXISTS customers_voice_rollup_update ON customers;',
  'DROP TRIGGER IF EXISTS customers_voice_rollup_before_delete ON customers;',
  'DROP FUNCTION IF EXISTS interactions_voice_rollup(), defects_voice_rollup(), customers_voice_rollup(), rebuild_voice_rollups(), fold_voice_rollups();',
];

/** The whole migration: drop the old triggers, create the new ones, and count every stored row again. */
export function voiceRollupMigrationSql(): string {
  const statements = [
    ...DROPS,
    ...VOICE_ROLLUP_TABLES.map(
      (t) =>
        `CREATE UNIQUE INDEX IF NOT EXISTS ${t.name}_key ON ${t.name} (${t.keys.join(', ')}) NULLS NOT DISTINCT WHERE NOT delta;`,
    ),
    ...functions(),
    ...triggers('interactions'),
    ...triggers('defects'),
    'CREATE TRIGGER customers_voice_rollup_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_voice_rollup();',
    'CREATE TRIGGER customers_voice_rollup_before_delete BEFORE DELETE ON customers FOR EACH ROW EXECUTE FUNCTION customers_voice_rollup();',
    'SELECT rebuild_voice_rollups();',
  ];
  return (
    [
      '-- Generated by db/voice-rollup-sql.ts (npm run db:rollup-sql -- voice): edit that file, not this one.',
      statements.join('\n--> statement-breakpoint\n'),
    ].join('\n') + '\n'
  );
}
