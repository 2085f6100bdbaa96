import 'server-only';
import { msg } from '@/lib/validation/messages';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, segments, users, type Customer } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { CUSTOMER_EXPORT_COLUMNS, CUSTOMER_IMPORT_REQUIRED, fromCsvText } from '@/lib/csv/columns';
import { customerInputSchema, type CustomerInput } from '@/lib/validation/customers';
import {
  breathe,
  contentId,
  ErrorReport,
  MAX_REPORTED_ERRORS,
  PROGRESS_EVERY,
  type ChangedRow,
  type ImportOptions,
  type ImportResult,
  type ProgressListener,
} from './common';
import { readCsv } from './read-csv';

const COLUMN_OF: Record<string, string> = {
  id: 'id',
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  segmentId: 'segment',
  lifecycle: 'lifecycle',
  ownerId: 'owner_email',
  externalRef: 'external_ref',
};

const CHUNK = 2_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function inChunks<T>(values: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await query(values.slice(i, i + CHUNK))));
  return out;
}

const EDITABLE = ['name', 'email', 'phone', 'company', 'segmentId', 'lifecycle', 'ownerId', 'externalRef'] as const;

/**
 * The fields a file's columns carry (a column the file leaves out changes nothing), and those of
 * them whose values differ between a stored customer and an imported row.
 */
const fieldsIn = (columns: string[]) => EDITABLE.filter((field) => columns.includes(COLUMN_OF[field]!));
function changedCustomerFields(stored: Customer, row: CustomerInput, fields: readonly (typeof EDITABLE)[number][]) {
  return fields.filter((field) => (row[field] ?? null) !== stored[field]);
}

/**
 * Imports customers from CSV. Rows that match a stored customer (by id, external reference or
 * email) create nothing, so importing a file twice, or an export, creates nothing twice; a matched
 * row with other values is reported, or with `updateExisting` applied to the stored customer and
 * audited. Every row is checked first; one bad row and nothing is written.
 */
export async function importCustomersCsv(
  db: Database,
  bytes: Uint8Array,
  {
    onProgress,
    actor,
    updateExisting = false,
    mapping,
  }: { onProgress?: ProgressListener; actor?: CurrentUser } & ImportOptions = {},
): Promise<ImportResult> {
  if (updateExisting && !actor) throw new Error('Updating existing rows needs the user who asked, for the audit log.');
  const parsed = readCsv(bytes, { required: CUSTOMER_IMPORT_REQUIRED, known: CUSTOMER_EXPORT_COLUMNS, mapping });
  if (!parsed.ok)
    return { ok: false, message: parsed.message, errors: parsed.errors ?? [], errorCount: parsed.errors?.length ?? 0 };
  const { records } = parsed;
  const fields = fieldsIn(parsed.columns);
  const total = records.length;
  await onProgress?.({ phase: 'validating', done: 0, total });

  const segmentByName = new Map(
    (await db.select({ id: segments.id, name: segments.name }).from(segments)).map((s) => [s.name.toLowerCase(), s.id]),
  );
  const ownerByEmail = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email.toLowerCase(), u.id]),
  );

  const ids = new Set<string>();
  const refs = new Set<string>();
  const emails = new Set<string>();
  for (const { values } of records) {
    if (values.id && uuidPattern.test(values.id)) ids.add(values.id.toLowerCase());
    if (values.external_ref) refs.add(fromCsvText(values.external_ref));
    if (values.email) emails.add(fromCsvText(values.email).toLowerCase());
  }
  const knownIds = new Map(
    (await inChunks([...ids], (chunk) => db.select().from(customers).where(inArray(customers.id, chunk)))).map((r) => [
      r.id,
      r,
    ]),
  );
  const knownRefs = new Map(
    (
      await inChunks([...refs], (chunk) => db.select().from(customers).where(inArray(customers.externalRef, chunk)))
    ).map((r) => [r.externalRef!, r]),
  );
  const knownEmails = new Map<string, Customer>();
  for (const r of await inChunks([...emails], (chunk) =>
    db
      .select()
      .from(customers)
      .where(inArray(sql`lower(${customers.email})`, chunk))
      .orderBy(customers.createdAt),
  )) {
    if (!knownEmails.has(r.email!.toLowerCase())) knownEmails.set(r.email!.toLowerCase(), r);
  }
  const updates: { stored: Customer; input: CustomerInput }[] = [];
  const changed: ChangedRow[] = [];
  let changedCount = 0;

  const report = new ErrorReport();
  const fresh: (CustomerInput & { id: string })[] = [];
  const refRow = new Map<string, number>();
  const freshIds = new Set<string>();
  let existing = 0;
  for (let i = 0; i < records.length; i++) {
    const { row, values } = records[i]!;
    const text = (column: string) => (values[column] ? fromCsvText(values[column]) : undefined);
    const segmentName = text('segment');
    const ownerEmail = text('owner_email');
    const segmentId = segmentName ? segmentByName.get(segmentName.toLowerCase()) : undefined;
    const ownerId = ownerEmail ? ownerByEmail.get(ownerEmail.toLowerCase()) : undefined;
    let rowOk = true;
    const fail = (column: string, reason: string) => {
      report.add(row, column, reason);
      rowOk = false;
    };
    if (segmentName && !segmentId) fail('segment', msg('importNoSegment', { segment: segmentName }));
    if (ownerEmail && !ownerId) fail('owner_email', msg('importNoUserEmail', { email: ownerEmail }));

    const result = customerInputSchema.safeParse({
      id: values.id,
      name: text('name') ?? '',
      email: text('email'),
      phone: text('phone'),
      company: text('company'),
      segmentId,
      lifecycle: values.lifecycle ? values.lifecycle.toLowerCase().replace(/[\s-]+/g, '_') : undefined,
      ownerId,
      externalRef: text('external_ref'),
    });
    if (!result.success) {
      for (const issue of result.error.issues)
        fail(COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0]), issue.message);
    } else if (rowOk) {
      const input = result.data;
      const matched =
        (input.id ? knownIds.get(input.id.toLowerCase()) : undefined) ??
        (input.externalRef ? knownRefs.get(input.externalRef) : undefined) ??
        (input.email ? knownEmails.get(input.email.toLowerCase()) : undefined);
      const id =
        input.id?.toLowerCase() ??
        contentId('customer', [
          input.name,
          input.email ?? null,
          input.phone ?? null,
          input.company ?? null,
          input.externalRef ?? null,
        ]);
      if (matched) {
        const columns = changedCustomerFields(matched, input, fields).map((field) => COLUMN_OF[field]!);
        if (columns.length && updateExisting) updates.push({ stored: matched, input });
        else {
          existing += 1;
          if (columns.length) {
            changedCount += 1;
            if (changed.length < MAX_REPORTED_ERRORS) changed.push({ row, id: matched.id, columns });
          }
        }
      } else if (freshIds.has(id)) {
        existing += 1;
      } else if (input.externalRef && refRow.has(input.externalRef)) {
        fail(
          'external_ref',
          msg('importExternalRefRepeated', { ref: input.externalRef, row: refRow.get(input.externalRef)! }),
        );
      } else {
        if (input.externalRef) refRow.set(input.externalRef, row);
        freshIds.add(id);
        fresh.push({ ...input, id });
      }
    }
    if ((i + 1) % PROGRESS_EVERY === 0) {
      await onProgress?.({ phase: 'validating', done: i + 1, total });
      await breathe();
    }
  }
  if (report.count) return report.failure('customers');
  await onProgress?.({ phase: 'validating', done: total, total });

  let created = 0;
  await onProgress?.({ phase: 'importing', done: 0, total: fresh.length });
  await db.transaction(async (tx) => {
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const inserted = await tx
        .insert(customers)
        .values(
          chunk.map((c) => ({
            id: c.id,
            name: c.name,
            email: c.email ?? null,
            phone: c.phone ?? null,
            company: c.company ?? null,
            segmentId: c.segmentId ?? null,
            lifecycle: c.lifecycle,
            ownerId: c.ownerId ?? null,
            externalRef: c.externalRef ?? null,
          })),
        )
        .onConflictDoNothing({ target: customers.id })
        .returning({ id: customers.id });
      created += inserted.length;
      existing += chunk.length - inserted.length;
      await onProgress?.({ phase: 'importing', done: Math.min(i + CHUNK, fresh.length), total: fresh.length });
    }
    for (const { stored, input } of updates) {
      const after = Object.fromEntries(
        changedCustomerFields(stored, input, fields).map((field) => [field, input[field] ?? null]),
      ) as Partial<Pick<Customer, (typeof EDITABLE)[number]>>;
      await tx
        .update(customers)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(customers.id, stored.id));
      await recordAudit(tx, {
        actor,
        action: 'customer.updated',
        entityType: 'customer',
        entityId: stored.id,
        before: Object.fromEntries(Object.keys(after).map((field) => [field, stored[field as keyof typeof after]])),
        after: { ...after, via: 'import' },
      });
    }
  });
  return { ok: true, rows: total, created, existing, updated: updates.length, changed, changedCount };
}
