import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '@/db/migrator';
import { rollupMigrationSql } from '@/db/rollup-sql';
import { voiceRollupMigrationSql } from '@/db/voice-rollup-sql';

/*
 * The rollup triggers are generated from one definition (db/rollup-sql.ts). The newest
 * rollup-triggers migration must be exactly its output, so a change to the definition without a
 * migration (or a hand edit of the migration) fails here.
 */
describe('the rollup triggers migration', () => {
  it('is the output of db/rollup-sql.ts', () => {
    const newest = readdirSync(migrationsFolder)
      .filter((name) => /^\d{4}_rollup-triggers.*\.sql$/.test(name))
      .sort()
      .at(-1);
    expect(newest).toBeDefined();
    expect(readFileSync(path.join(migrationsFolder, newest!), 'utf8')).toBe(rollupMigrationSql());
  });

  it('writes each measure once per statement and branches on TG_OP', () => {
    const sql = rollupMigrationSql();
    expect(sql).toContain("IF TG_OP = 'INSERT' THEN");
    expect(sql).toContain('CREATE FUNCTION interactions_rollup()');
    // The score bands come from db/score-bands.ts.
    expect(sql).toContain('coalesce((x.csat >= 4)::int, 0)');
    expect(sql).toContain('coalesce((x.nps >= 9)::int, 0)');
    expect(sql).toContain('coalesce((x.nps <= 6)::int, 0)');
  });
});

describe('the voice and portfolio rollups migration', () => {
  it('is the output of db/voice-rollup-sql.ts', () => {
    const newest = readdirSync(migrationsFolder)
      .filter((name) => /^\d{4}_voice-rollups.*\.sql$/.test(name))
      .sort()
      .at(-1);
    expect(newest).toBeDefined();
    expect(readFileSync(path.join(migrationsFolder, newest!), 'utf8')).toBe(voiceRollupMigrationSql());
  });

  it('counts the comments the themes list define as unhappy, with the score bands of db/score-bands.ts', () => {
    expect(voiceRollupMigrationSql()).toContain('(x.experience < x.expectation OR x.nps <= 6 OR x.csat <= 2)');
  });
});
