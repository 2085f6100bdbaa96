// Databases that live for one test file or one benchmark run. Imported by tests/ and scripts/, so
// nothing here may import 'server-only' code or vitest.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrator';

export interface ThrowawayDatabase extends DatabaseHandle {
  /** Closes the handle (again, if the caller closed it already) and removes the database. */
  drop: () => Promise<void>;
}

export interface ThrowawayDatabaseOptions {
  /** A URL of the server to create it on: any database there, its path is replaced. */
  serverUrl: string;
  /** The start of the database's name (`oi_bench_`); random hex follows. */
  prefix: string;
  /** The migrations to apply: the app's own by default, an older folder for a test of a migration. */
  migrationsFolder?: string;
  /** drop() closes the handle but leaves the database, to measure on it again. */
  keep?: boolean;
  /** A database kept by an earlier run, opened (and migrated) instead of a new one; drop() only closes it. */
  reuseUrl?: string;
}

/** A new database on a PostgreSQL server, migrated, which drop() removes with force. */
export async function createThrowawayDatabase({
  serverUrl,
  prefix,
  migrationsFolder,
  keep = false,
  reuseUrl,
}: ThrowawayDatabaseOptions): Promise<ThrowawayDatabase & { name: string }> {
  if (reuseUrl) {
    const kept = await openDatabase({ url: reuseUrl });
    const name = new URL(reuseUrl).pathname.slice(1);
    return { ...(await migrated({ ...kept, drop: kept.close }, migrationsFolder)), name };
  }
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  const drop = async () => {
    await handle.close();
    // With force: sessions a test or the app under measurement left open must not keep it alive.
    if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
  return { ...(await migrated({ ...handle, drop }, migrationsFolder)), name };
}

/** A new embedded PostgreSQL server in a temporary folder, migrated, which drop() stops and deletes. */
export async function createThrowawayCluster(folderPrefix: string): Promise<ThrowawayDatabase> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const handle = await openDatabase({ dataDir: folder, stopServer: 'always' });
  const drop = async () => {
    await handle.close();
    fs.rmSync(folder, { recursive: true, force: true });
  };
  return migrated({ ...handle, drop }, undefined);
}

// A database whose migration failed is removed at once: no caller holds it yet to drop it.
async function migrated(database: ThrowawayDatabase, folder: string | undefined): Promise<ThrowawayDatabase> {
  try {
    await migrateDatabase(database, folder);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
