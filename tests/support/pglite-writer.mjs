// Child process for the kill -9 recovery test: writes rows into an embedded database until killed.
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(process.argv[2]);
await db.exec('create table if not exists t (id serial primary key, payload text not null)');
process.send?.('ready');
for (let i = 0; ; i++) {
  await db.query('insert into t (payload) values ($1)', [`row ${i} ${'x'.repeat(200)}`]);
}
