import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import * as schema from '@/db/schema';

/** Every server action and route handler of the app, found from the files, for the generated tests. */

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

export const root = path.resolve(import.meta.dirname, '../..');
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

export async function discover(name: string, keep: (key: string, value: unknown) => boolean): Promise<string[]> {
  const keys: string[] = [];
  for (const file of filesNamed(path.join(root, 'app'), name)) {
    const loaded = (await import(file)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(loaded)) if (keep(key, value)) keys.push(`${relative(file)}#${key}`);
  }
  return keys.sort();
}

/** Row counts of every table: a refused call must leave all of them as they were. */
export async function footprint(): Promise<string> {
  const db = await getDb();
  const tables = Object.entries(schema).filter(
    ([, value]) => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
  );
  const counts: string[] = [];
  for (const [name, table] of tables) {
    const [row] = await db.select({ n: count() }).from(table as typeof schema.users);
    counts.push(`${name}=${row?.n}`);
  }
  const [versions] = await db.select({ n: count() }).from(schema.users).where(eq(schema.users.sessionVersion, 0));
  return `${counts.join(',')};fresh-sessions=${versions?.n}`;
}
