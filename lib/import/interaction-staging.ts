import 'server-only';
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Transaction } from '@/db';
import { selectPreparedRows, selectRows } from '@/db/client';
import type { StoredInteractionValues } from './changed-columns';

/**
 * The staging tables of an interactions import: the checked rows arrive by COPY while later rows
 * are still being checked, and are then stored set-based (storeStagedRows). Temporary and dropped
 * at commit or rollback, so they are the import's own and cost no WAL.
 */
const STAGED_INTERACTION_COLUMNS = [
  'id uuid not null',
  'line integer not null',
  'customer_id uuid',
  'touchpoint_id uuid not null',
  'occurred_at timestamptz not null',
  'outcome outcome not null',
  'sale_value numeric',
  'expectation smallint',
  'experience smallint',
  'csat smallint',
  'nps smallint',
  'effort smallint',
  'notes text',
  'sentiment sentiment',
  'sentiment_score real',
  'comment_phrases text[]',
  'opportunities integer not null',
  'open_defect_count integer not null',
] as const;

const STAGED_DEFECT_COLUMNS = [
  'id uuid not null',
  'interaction_id uuid not null',
  'line integer not null',
  'touchpoint_id uuid not null',
  'customer_id uuid',
  'category_id uuid not null',
  'kind defect_kind not null',
  'severity severity not null',
  'lost_revenue numeric not null',
  'occurred_at timestamptz not null',
  'auto_rule auto_rule not null',
] as const;

const names = (columns: readonly string[]) => columns.map((c) => c.split(' ')[0]!);

/** The postgres.js transaction under Drizzle's: COPY needs the raw client. */
const clientOf = (tx: Transaction) => (tx._.session as unknown as { client: Sql }).client;

export async function createStagingTables(tx: Transaction): Promise<void> {
  await tx.execute(
    sql.raw(`create temporary table import_interactions (${STAGED_INTERACTION_COLUMNS.join(', ')}) on commit drop`),
  );
  await tx.execute(
    sql.raw(`create temporary table import_defects (${STAGED_DEFECT_COLUMNS.join(', ')}) on commit drop`),
  );
}

// COPY's text format: tab between fields, \N for null, backslash escapes.
const escapeText = (value: string) =>
  value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** One field of a COPY text row. */
export function copyField(value: string | number | Date | string[] | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return escapeText(`{${value.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  return escapeText(value);
}

/**
 * A COPY into a staging table, fed line by line while the caller goes on: lines are gathered and
 * written in blocks, and the caller waits only when PostgreSQL falls behind (backpressure).
 */
export class StagingCopy {
  private block: string[] = [];
  private failed: unknown = null;
  private constructor(
    private readonly stream: Writable,
    private readonly finished: Promise<void>,
  ) {}

  static async open(tx: Transaction, table: 'import_interactions' | 'import_defects'): Promise<StagingCopy> {
    const stream = await clientOf(tx).unsafe(`copy ${table} from stdin`).writable();
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve).on('error', reject);
    });
    const copy = new StagingCopy(stream, finished);
    finished.catch((error: unknown) => (copy.failed = error));
    return copy;
  }

  /** Adds one row (its fields as copyField made them); resolves at once unless the stream is full. */
  async add(fields: string[]): Promise<void> {
    this.block.push(fields.join('\t'));
    if (this.block.length >= 500) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.block.length) return;
    const text = `${this.block.join('\n')}\n`;
    this.block = [];
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  /** Cancels the COPY (PostgreSQL is told it failed), after an error of the caller's own. */
  abort(reason: unknown): void {
    this.stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
  }

  /** Sends the last rows and ends the COPY; rejects if PostgreSQL refused it. */
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.finished;
  }
}

/** The staged rows stored already (a re-import), with the values a re-import compares. */
export async function storedStagedRows(tx: Transaction): Promise<(StoredInteractionValues & { id: string })[]> {
  // Drizzle leaves timestamps to itself: the raw client hands them over as text.
  const rows = await selectPreparedRows<StoredInteractionValues & { id: string; occurredAt: Date | string }>(
    tx,
    sql`select i.id, i.customer_id as "customerId", i.touchpoint_id as "touchpointId", i.occurred_at as "occurredAt",
      i.outcome, i.sale_value as "saleValue", i.expectation, i.experience, i.csat, i.nps, i.effort, i.notes
      from interactions i join import_interactions s on s.id = i.id`,
  );
  for (const row of rows) row.occurredAt = new Date(row.occurredAt);
  return rows;
}

/**
 * Stores the staged rows of lines [from, to] not stored yet, and the auto defects of those stored
 * now, in one statement: the rollup triggers run once for the lot. The company's text search
 * configuration is read once (an init plan) rather than per row by the column default. Returns
 * the ids stored now and how many defects were raised.
 */
export async function storeStagedRows(
  tx: Transaction,
  from: number,
  to: number,
  loggedById: string | null,
): Promise<{ ids: string[]; defects: number }> {
  const columns = names(STAGED_INTERACTION_COLUMNS).filter((c) => c !== 'line');
  const list = sql.raw(columns.join(', '));
  const picked = sql.raw(columns.map((c) => `s.${c}`).join(', '));
  const defectColumns = sql.raw(
    names(STAGED_DEFECT_COLUMNS)
      .filter((c) => c !== 'line')
      .join(', '),
  );
  const rows = await selectRows<{ id: string; defects: number }>(
    tx,
    sql`with ins as (
      insert into interactions (${list}, logged_by_id, source, search_config)
      select ${picked}, ${loggedById}::uuid, 'import', (select company_search_config())
      from import_interactions s
      where s.line between ${from} and ${to} and not exists (select 1 from interactions i where i.id = s.id)
      on conflict (id) do nothing returning id
    ), raised as (
      insert into defects (${defectColumns}) select ${defectColumns} from import_defects d
      where d.line between ${from} and ${to} and d.interaction_id in (select id from ins)
      returning 1
    ) select id, (select count(*)::int from raised) as defects from ins`,
  );
  return { ids: rows.map((r) => r.id), defects: rows[0]?.defects ?? 0 };
}
