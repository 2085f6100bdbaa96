import { rollupMigrationSql } from '@/db/rollup-sql';

// Prints the rollup triggers' migration, for a new custom migration (see db/rollup-sql.ts).
process.stdout.write(rollupMigrationSql());
