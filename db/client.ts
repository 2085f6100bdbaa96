import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
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
}: OpenOptions): Promise<DatabaseHandle> {
  const embedded = url ? undefined : await startEmbeddedServer(dataDir, { log });
  const target = url ?? embedded!.url;
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(target, {
    max: 10,
    connect_timeout: CONNECT_TIMEOUT_S,
    idle_timeout: 60,
    onnotice: () => {},
    connection: {
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
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
