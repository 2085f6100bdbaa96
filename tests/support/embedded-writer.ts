// A stand-in for the app in tests/integration/embedded-server.test.ts: opens the embedded server
// of the folder in argv[2] and commits rows one at a time, printing each id once it is committed,
// until it is killed.
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';

async function main() {
  const handle = await openDatabase({ dataDir: process.argv[2], stopServer: 'always' });
  await handle.db.execute(sql`create table if not exists acknowledged (id int primary key)`);
  for (let id = 1; ; id++) {
    await handle.db.execute(sql`insert into acknowledged (id) values (${id})`);
    process.stdout.write(`${id}\n`);
  }
}

void main();
