import { sql } from 'drizzle-orm';
import { openDatabase, selectRows, type Database, type DatabaseHandle } from './client';

/*
 * Read replicas (DATABASE_READ_URL): streaming replicas of the primary that the read-only views
 * (the dashboard, the metrics API, the CSV exports) read from. Everything else, every write and
 * every page that must show what was just written, stays on the primary (getDb()).
 *
 * A probe runs every PROBE_MS. It samples the primary's WAL position, and asks each replica how far
 * it has replayed: a replica holds everything the primary held at the newest sample it has replayed,
 * so its lag is the time since that sample. This stays right when the primary is idle (nothing to
 * replay, no lag) and when the replica's WAL receiver is cut off (the samples move on, it does not).
 * Reads spread round-robin over replicas that answered the last probe and lag at most maxLagSeconds;
 * with none, they go to the primary. A replica that fails a read is set aside until it answers a
 * probe again, and the read is retried on the primary.
 */

export type ReplicaState = 'ok' | 'lagging' | 'down' | 'unknown';

export interface ReplicaStatus {
  /** host:port/database, never the credentials. */
  name: string;
  state: ReplicaState;
  /** Seconds behind the primary at the last probe; null while unknown or down. */
  lagSeconds: number | null;
  detail?: string;
}

export interface ReadTarget {
  db: Database;
  source: 'primary' | 'replica';
  /** 'primary', or the replica's name. */
  name: string;
  /** How many seconds of the primary's writes the data may be missing (0 on the primary). */
  lagSeconds: number;
}

export interface ReadReplicaOptions {
  urls: string[];
  primary: () => Promise<Database>;
  /** A replica further behind than this is not read from. */
  maxLagSeconds?: number;
  probeMs?: number;
  /** Opens a replica's client (tests may count its queries). */
  open?: (url: string) => Promise<DatabaseHandle>;
}

export const DEFAULT_MAX_LAG_SECONDS = 30;
const PROBE_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_500;
/** Primary WAL positions kept: enough to date a lag of 10 minutes. */
const MAX_SAMPLES = 600;

interface Replica {
  name: string;
  handle: Promise<DatabaseHandle>;
  state: ReplicaState;
  /** When the newest primary sample this replica has replayed was taken (ms since epoch). */
  asOf: number | null;
  detail?: string;
}

/** A pg_lsn ('16/B374D848') as a number that orders like it. */
export function lsnToBigInt(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** host:port/database of a PostgreSQL URL, without user or password. */
export function replicaName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

// Errors after which the replica is set aside and the read goes to the primary: the connection
// failed or broke, the server is shutting down or starting, or the standby cancelled the
// statement for a conflict with recovery.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '40001',
]);

export function isReplicaFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class ReadReplicas {
  readonly maxLagSeconds: number;
  private readonly replicas: Replica[];
  private readonly primary: () => Promise<Database>;
  private readonly samples: { at: number; lsn: bigint }[] = [];
  private readonly timer: NodeJS.Timeout;
  private next = 0;
  private probing: Promise<void> | undefined;
  private firstProbe: Promise<void>;

  constructor({
    urls,
    primary,
    maxLagSeconds = DEFAULT_MAX_LAG_SECONDS,
    probeMs = PROBE_MS,
    open,
  }: ReadReplicaOptions) {
    this.primary = primary;
    this.maxLagSeconds = maxLagSeconds;
    const opener = open ?? ((url: string) => openDatabase({ url, max: 10 }));
    this.replicas = urls.map((url) => {
      const handle = opener(url);
      handle.catch(() => undefined); // a failed open shows as 'down' at the next probe
      return { name: replicaName(url), handle, state: 'unknown' as ReplicaState, asOf: null };
    });
    this.firstProbe = this.probe();
    this.timer = setInterval(() => void this.probe(), probeMs);
    this.timer.unref();
  }

  /** Where the next read-only view should read: a replica that is up and close enough, else the primary. */
  async target(): Promise<ReadTarget> {
    await withTimeout(this.firstProbe, PROBE_TIMEOUT_MS * 2).catch(() => undefined);
    const now = Date.now();
    const eligible = this.replicas.filter(
      (r) => r.state === 'ok' && r.asOf !== null && (now - r.asOf) / 1000 <= this.maxLagSeconds,
    );
    if (eligible.length > 0) {
      const replica = eligible[this.next++ % eligible.length]!;
      try {
        const { db } = await replica.handle;
        return { db, source: 'replica', name: replica.name, lagSeconds: Math.max(0, (now - replica.asOf!) / 1000) };
      } catch (error) {
        this.setAside(replica, error);
      }
    }
    return { db: await this.primary(), source: 'primary', name: 'primary', lagSeconds: 0 };
  }

  /** Runs a read on `target`; when a replica fails it, sets the replica aside and runs it on the primary. */
  async run<T>(target: ReadTarget, work: (db: Database) => Promise<T>): Promise<T> {
    try {
      return await work(target.db);
    } catch (error) {
      if (target.source !== 'replica' || !isReplicaFailure(error)) throw error;
      const replica = this.replicas.find((r) => r.name === target.name);
      if (replica) this.setAside(replica, error);
      return work(await this.primary());
    }
  }

  status(): ReplicaStatus[] {
    const now = Date.now();
    return this.replicas.map((r) => {
      const lagSeconds =
        (r.state === 'ok' || r.state === 'lagging') && r.asOf !== null ? Math.max(0, (now - r.asOf) / 1000) : null;
      const state: ReplicaState =
        r.state === 'ok' && lagSeconds !== null && lagSeconds > this.maxLagSeconds ? 'lagging' : r.state;
      return { name: r.name, state, lagSeconds, ...(r.detail ? { detail: r.detail } : {}) };
    });
  }

  /** One round of probing; rounds never overlap. */
  probe(): Promise<void> {
    this.probing ??= this.probeOnce().finally(() => (this.probing = undefined));
    return this.probing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.probing?.catch(() => undefined);
    await Promise.all(this.replicas.map((r) => r.handle.then((h) => h.close()).catch(() => undefined)));
  }

  private setAside(replica: Replica, error: unknown) {
    replica.state = 'down';
    replica.detail = error instanceof Error ? error.message : String(error);
  }

  private async probeOnce(): Promise<void> {
    try {
      const db = await this.primary();
      const [row] = await withTimeout(
        selectRows<{ lsn: string | null }>(
          db,
          sql`select case when pg_is_in_recovery() then null else pg_current_wal_lsn()::text end as lsn`,
        ),
        PROBE_TIMEOUT_MS,
      );
      if (row?.lsn) {
        this.samples.push({ at: Date.now(), lsn: lsnToBigInt(row.lsn) });
        if (this.samples.length > MAX_SAMPLES) this.samples.shift();
      }
    } catch {
      // The primary did not answer: the replicas are judged against the samples already taken.
    }
    await Promise.all(this.replicas.map((replica) => this.probeReplica(replica)));
  }

  private async probeReplica(replica: Replica): Promise<void> {
    try {
      const { db } = await replica.handle;
      const [row] = await withTimeout(
        selectRows<{ recovery: boolean; replayed: string | null }>(
          db,
          sql`select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replayed`,
        ),
        PROBE_TIMEOUT_MS,
      );
      if (!row?.recovery || !row.replayed) {
        // Promoted, or not a replica at all: reading from it could show another history.
        replica.state = 'down';
        replica.detail = 'not a streaming replica (pg_is_in_recovery() is false)';
        replica.asOf = null;
        return;
      }
      const replayed = lsnToBigInt(row.replayed);
      let asOf: number | null = null;
      for (let i = this.samples.length - 1; i >= 0; i--) {
        if (this.samples[i]!.lsn <= replayed) {
          asOf = this.samples[i]!.at;
          break;
        }
      }
      // Behind every sample kept: at least as old as the oldest, which tells only once the samples
      // reach back further than the bound (until then the replica is not read from).
      const oldest = this.samples[0]?.at;
      if (asOf === null && oldest !== undefined && (Date.now() - oldest) / 1000 > this.maxLagSeconds) asOf = oldest;
      replica.asOf = asOf;
      replica.state = asOf === null ? 'unknown' : 'ok';
      replica.detail = undefined;
    } catch (error) {
      this.setAside(replica, error);
      replica.asOf = null;
    }
  }
}
