// `npm run db:backup -- [FILE]`: writes a backup of the configured database (the embedded server,
// or DATABASE_URL) and of the auth secret in DATA_DIR to FILE (default
// outsidein-backup-<UTC time>.tar). See "Backup and restore" in README.md.
import path from 'node:path';
import { backupDatabase } from '@/db/backup';
import { openDatabase } from '@/db/client';
import { env } from '@/lib/env';

async function main() {
  const file = path.resolve(
    process.argv.slice(2).find((arg) => !arg.startsWith('-')) ??
      `outsidein-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar`,
  );
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
  try {
    const started = Date.now();
    const manifest = await backupDatabase({
      url: handle.url,
      dataDir: env.dataDir,
      file,
      binDirs: handle.embedded ? [handle.embedded.binDir] : [],
    });
    console.log(`backup: ${file} written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`backup: PostgreSQL ${manifest.serverVersion}, ${JSON.stringify(manifest.counts)}`);
    console.log(
      `backup: auth secret ${manifest.authSecret ? 'included' : 'not in DATA_DIR (set through AUTH_SECRET?)'}`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('backup: failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
