import { rollupMigrationSql } from '@/db/rollup-sql';
import { voiceRollupMigrationSql } from '@/db/voice-rollup-sql';

// Prints a rollup triggers' migration, for a new custom migration: the dashboard's (db/rollup-sql.ts),
// or with `voice` the voice-of-customer and portfolio rollups' (db/voice-rollup-sql.ts).
process.stdout.write(process.argv[2] === 'voice' ? voiceRollupMigrationSql() : rollupMigrationSql());
