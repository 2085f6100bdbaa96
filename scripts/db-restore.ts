// `npm run db:restore -- FILE [--force]`: restores a backup written by `npm run db:backup` into the
// configured database. Refuses a database that holds data unless --force (which replaces it).
// Stop the app first; with the embedded database the command starts the server itself.
import { parseArgs } from 'node:util';
import { restoreDatabase } from '@/db/backup';
import { openDatabase } from '@/db/client';
import { env } from '@/lib/env';

const USAGE = 'usage: npm run db:restore -- outsidein-backup-….tar [--force]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
  try {
    const started = Date.now();
    const { manifest, counts } = await restoreDatabase({
      url: handle.url,
      dataDir: env.dataDir,
      file,
      force: values.force ?? false,
      binDirs: handle.embedded ? [handle.embedded.binDir] : [],
      log: console.log,
    });
    console.log(
      `restore: ${file} (taken ${manifest.createdAt}) restored in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(`restore: ${JSON.stringify(counts)}`);
    const differ = Object.keys(manifest.counts).filter((t) => manifest.counts[t] !== counts[t]);
    if (differ.length > 0) throw new Error(`counts differ from the backup's for ${differ.join(', ')}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('restore: failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
