import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Transaction;

/** `embedded`: the server the app manages in DATA_DIR; `postgres`: one of DATABASE_URL. */
export type Driver = 'embedded' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** The PostgreSQL URL, for work that needs a connection of its own (migrations, pg_dump). */
  url: string;
  /** The embedded server, when the handle uses it. */
  embedded?: EmbeddedServer;
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent the embedded server of `dataDir` is used (started if needed). */
  url?: string;
  /** The data folder holding the embedded cluster. */
  dataDir?: string;
  /**
   * What close() does with an embedded server: `always` stop it (the app's own shutdown),
   * `if-started-idle` stop it only when this process started it and no one else is connected
   * (CLI commands), `never` leave it running.
   */
  stopServer?: 'always' | 'if-started-idle' | 'never';
  log?: (message: string) => void;
  /** Connections in the pool. */
  max?: number;
}

// Outages answer quickly: a dead server fails a connection within CONNECT_TIMEOUT_S, a runaway
// statement is cancelled, and a transaction left idle cannot hold locks forever.
export const CONNECT_TIMEOUT_S = 4;
export const STATEMENT_TIMEOUT_MS = 30_000;
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export async function openDatabase({
  url,
  dataDir = '.data',
  stopServer = 'if-started-idle',
  log,
  max = 10,
}: OpenOptions): Promise<DatabaseHandle> {
  const embedded = url ? undefined : await startEmbeddedServer(dataDir, { log });
  const target = url ?? embedded!.url;
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(target, {
    max,
    connect_timeout: CONNECT_TIMEOUT_S,
    idle_timeout: 60,
    onnotice: () => {},
    connection: {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      // No JIT compilation: it pays off only for long analytic scans, and this app runs short
      // statements. The rollup triggers' statements look costly to the planner once the tables
      // grow, so each write compiled them again: 50-190 ms of LLVM emission per statement,
      // measured in an import's 5,000-row writes (docs/performance.md, "Writes").
      jit: 'off',
      // Parallel workers only for scans worth their start-up. At the default price (1,000) the
      // planner split the dashboard's rollup reads of 10-30k rows over two workers, and starting
      // them took ~10 ms of a 14 ms statement; at 10,000 those reads run alone (the 12-month
      // dashboard at 1M: 10.2 -> 5.4 ms), while scans of raw rows still go parallel.
      parallel_setup_cost: 10_000,
    },
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    driver: embedded ? 'embedded' : 'postgres',
    url: target,
    embedded,
    close: async () => {
      let othersConnected = true;
      if (embedded && stopServer === 'if-started-idle' && embedded.startedHere) {
        const [row] = await client<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid()`.catch(() => [{ n: 1 }]);
        othersConnected = (row?.n ?? 1) > 0;
      }
      await client.end({ timeout: 5 });
      if (embedded && (stopServer === 'always' || (stopServer === 'if-started-idle' && !othersConnected))) {
        embedded.stop();
      }
    },
  };
}

/** Rows of a raw query. */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * Rows of a raw query run as a prepared statement. Drizzle runs `db.execute` unnamed, which
 * postgres.js sends as two round trips (a describe, then the execution); prepared, a statement is
 * parsed once per connection and then costs one round trip. For the hot paths' statements whose
 * text comes in a few shapes only (the write path, the API key check, the dashboard's and the
 * metrics API's reads in lib/queries/metrics.ts, voice.ts and backlog.ts, whose values are all
 * parameters): every distinct text stays prepared on each connection until it closes.
 */
export async function selectPreparedRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  // The postgres.js client (or transaction) under Drizzle's session: the public handle has no prepared raw query.
  const { client } = db._.session as unknown as { client: Sql };
  return (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
}

/** Rows per statement of insertRows: each chunk is one JSON parameter. */
const INSERT_CHUNK = 10_000;

/**
 * Inserts many rows set-based: each chunk of rows travels as one JSON parameter, unpacked by
 * jsonb_to_recordset into the table's own column types, so a statement costs what PostgreSQL
 * needs to store the rows rather than a bind parameter per value (bulk loads: the demo seed).
 * Rows are Drizzle insert objects; the columns are those any row sets (defaults fill the rest).
 */
export async function insertRows(db: DbOrTx, table: PgTable, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => present.has(key) && !column.generated && column.generatedIdentity === undefined,
  );
  const names = columns.map(([, column]) => (column.keyAsName ? toSnakeCase(column.name) : column.name));
  const list = sql.raw(names.map((name) => `"${name}"`).join(', '));
  const typed = sql.raw(columns.map(([, column], c) => `"${names[c]}" ${column.getSQLType()}`).join(', '));
  const raw = columns.map(([, column]) => /^jsonb?$/.test(column.getSQLType()));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + INSERT_CHUNK).map((row) => {
        const out: Record<string, unknown> = {};
        for (let c = 0; c < columns.length; c++) {
          const [key, column] = columns[c]!;
          const value = (row as Record<string, unknown>)[key];
          // JSON documents and arrays stay JSON: jsonb_to_recordset reads them as such.
          out[names[c]!] =
            value === undefined || value === null
              ? null
              : raw[c] || Array.isArray(value)
                ? value
                : column.mapToDriverValue(value);
        }
        return out;
      }),
    );
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${json}::jsonb) as x(${typed})`,
    );
  }
}
