// Backups: a tar file holding a pg_dump archive (custom format) of the app's database, the auth
// secret from DATA_DIR when the app generated one, and a manifest. Restoring replaces the
// database's contents with the archive's, and refuses a database that holds data unless forced.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import * as tar from 'tar';

export const BACKUP_FORMAT = 'outsidein-backup/1';
const DUMP = 'database.dump';
const SECRET = 'auth-secret';
const MANIFEST = 'manifest.json';
// Tables whose counts the manifest records and the restore compares.
const COUNTED = ['users', 'customers', 'touchpoints', 'interactions', 'defects', 'api_keys'] as const;

export interface Manifest {
  format: string;
  createdAt: string;
  serverVersion: string;
  counts: Record<string, number>;
  authSecret: boolean;
}

/** pg_dump or pg_restore able to talk to a server of this major version, searched where hosts keep them. */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', serverMajor: number, binDirs: string[] = []): string {
  const candidates = [
    ...binDirs.map((dir) => path.join(dir, tool)),
    tool, // on PATH
    ...listDebianBinDirs().map((dir) => path.join(dir, tool)),
  ];
  const found: string[] = [];
  for (const candidate of candidates) {
    const result = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    const major = Number(/(\d+)(?:\.\d+)?/.exec(result.stdout ?? '')?.[1]);
    if (result.status !== 0 || !major) continue;
    found.push(`${candidate} (${major})`);
    if (major >= serverMajor) return candidate;
  }
  throw new Error(
    `${tool} for PostgreSQL ${serverMajor} or newer was not found${found.length ? ` (found: ${found.join(', ')})` : ''}. ` +
      `Install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}; macOS: brew install libpq).`,
  );
}

function listDebianBinDirs(): string[] {
  try {
    return fs
      .readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join('/usr/lib/postgresql', version, 'bin'));
  } catch {
    return [];
  }
}

/** The URL without its password, and the password for PGPASSWORD (kept out of the process list). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function inspect(url: string): Promise<{ major: number; version: string; counts: Record<string, number> }> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [server] = await sql<{ version: string; num: string }[]>`
      select current_setting('server_version') as version, current_setting('server_version_num') as num`;
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const [exists] = await sql`select to_regclass(${`public.${table}`}) as oid`;
      counts[table] = exists?.oid ? Number((await sql.unsafe(`select count(*)::int as n from ${table}`))[0]!.n) : 0;
    }
    return { major: Math.floor(Number(server!.num) / 10_000), version: server!.version, counts };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

export async function backupDatabase(options: {
  url: string;
  dataDir: string;
  file: string;
  binDirs?: string[];
}): Promise<Manifest> {
  const { major, version, counts } = await inspect(options.url);
  const pgDump = findPgTool('pg_dump', major, options.binDirs);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-backup-'));
  try {
    const { url, env } = splitPassword(options.url);
    await run(
      pgDump,
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(work, DUMP)}`, url],
      env,
    );
    const secretFile = path.join(options.dataDir, SECRET);
    const authSecret = fs.existsSync(secretFile);
    if (authSecret) fs.copyFileSync(secretFile, path.join(work, SECRET));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: version,
      counts,
      authSecret,
    };
    fs.writeFileSync(path.join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written beside the target and renamed into place: a failed backup never leaves a truncated file.
    const partial = `${options.file}.partial`;
    await tar.create({ file: partial, cwd: work, portable: true }, [MANIFEST, DUMP, ...(authSecret ? [SECRET] : [])]);
    fs.renameSync(partial, options.file);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function restoreDatabase(options: {
  url: string;
  dataDir: string;
  file: string;
  force: boolean;
  binDirs?: string[];
  log?: (line: string) => void;
}): Promise<{ manifest: Manifest; counts: Record<string, number> }> {
  const log = options.log ?? (() => {});
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outsidein-restore-'));
  try {
    await tar.extract({ file: options.file, cwd: work, strict: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(work, MANIFEST), 'utf8')) as Manifest;
    if (manifest.format !== BACKUP_FORMAT)
      throw new Error(`${options.file} is not an OutsideIn backup (${manifest.format})`);

    const before = await inspect(options.url);
    const rows = Object.values(before.counts).reduce((a, b) => a + b, 0);
    if (rows > 0 && !options.force) {
      throw new Error(
        `the database is not empty (${Object.entries(before.counts)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')}). Restoring replaces all of it: run again with --force to do so.`,
      );
    }
    const pgRestore = findPgTool('pg_restore', before.major, options.binDirs);
    const { url, env } = splitPassword(options.url);
    // --clean drops what the archive recreates (the migrated but empty schema of a fresh start);
    // --single-transaction: a failed restore changes nothing.
    await run(
      pgRestore,
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${url}`,
        path.join(work, DUMP),
      ],
      env,
    );

    const secretFile = path.join(options.dataDir, SECRET);
    if (manifest.authSecret) {
      const secret = fs.readFileSync(path.join(work, SECRET), 'utf8');
      const existing = fs.existsSync(secretFile) ? fs.readFileSync(secretFile, 'utf8') : null;
      if (existing !== secret) {
        fs.mkdirSync(options.dataDir, { recursive: true });
        fs.writeFileSync(secretFile, secret, { mode: 0o600 });
        log(
          `restore: auth secret written to ${secretFile}${existing ? ' (replacing the one there: sessions signed with it end)' : ''}`,
        );
      }
    }
    const after = await inspect(options.url);
    return { manifest, counts: after.counts };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
