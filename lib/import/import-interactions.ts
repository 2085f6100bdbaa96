import 'server-only';
import { msg } from '@/lib/validation/messages';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, interactions, journeyStages, touchpoints, type Touchpoint } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  fromCsvText,
  INTERACTION_EXPORT_COLUMNS,
  INTERACTION_IMPORT_REQUIRED,
  saleValueColumn,
} from '@/lib/csv/columns';
import { companyFormatting } from '@/lib/i18n/server-formatter';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { saveInteractionEdit } from '@/lib/interactions/update-interaction';
import { interactionInputSchema, type InteractionInput } from '@/lib/validation/interactions';
import { changedInteractionColumns } from './changed-columns';
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

// The schema's field names as the CSV spells them, for the error report.
const COLUMN_OF: Record<string, string> = {
  id: 'id',
  occurredAt: 'occurred_at',
  outcome: 'outcome',
  saleValue: 'sale_value',
  expectation: 'expectation',
  experience: 'experience',
  csat: 'csat',
  nps: 'nps',
  effort: 'effort',
  notes: 'notes',
  touchpointId: 'touchpoint',
  customerId: 'customer_id',
};

const LOOKUP_CHUNK = 5_000;
const IMPORT_CHUNK = 5_000;
const BREATHE_EVERY = 50;

async function inChunks<T>(values: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) out.push(...(await query(values.slice(i, i + LOOKUP_CHUNK))));
  return out;
}

/** "Sale lost", "sale-lost" and "sale_lost" all mean sale_lost. */
const normaliseOutcome = (value: string) => value.toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Imports interactions from CSV: every row is checked (touchpoint by name, customer by id,
 * external reference or email, every field by the shared schema); one bad row and nothing is
 * written. All rows land in one transaction with their auto defects, written batch by batch
 * while the later rows are still being checked. Rows keep their
 * id, or get one derived from their content, so the same file imported twice creates nothing twice.
 * A row whose id is stored with other values is reported, or, with `updateExisting`, applied as
 * an edit: its rules re-applied and the change audited, in the same transaction.
 */
export async function importInteractionsCsv(
  db: Database,
  bytes: Uint8Array,
  {
    loggedById,
    actor,
    onProgress,
    updateExisting = false,
    mapping,
  }: { loggedById: string | null; actor?: CurrentUser; onProgress?: ProgressListener } & ImportOptions,
): Promise<ImportResult> {
  if (updateExisting && !actor) throw new Error('Updating existing rows needs the user who asked, for the audit log.');
  // Exports name the sale value's currency (sale_value_eur); read that column as sale_value. A
  // column in another currency stays unknown and is refused: its amounts would be misread.
  const saleColumn = saleValueColumn((await companyFormatting(db)).currency);
  const columnMapping = Object.fromEntries(
    Object.entries({ [saleColumn]: saleColumn, ...mapping }).map(([from, to]) => [
      from,
      to === saleColumn ? 'sale_value' : to,
    ]),
  );
  const parsed = readCsv(bytes, {
    required: INTERACTION_IMPORT_REQUIRED,
    // Listed in a header error as expected; the file's sale_value_<currency> arrives as sale_value.
    known: [...INTERACTION_EXPORT_COLUMNS, saleColumn],
    mapping: columnMapping,
  });
  if (!parsed.ok)
    return { ok: false, message: parsed.message, errors: parsed.errors ?? [], errorCount: parsed.errors?.length ?? 0 };
  const { records } = parsed;
  // A column the file leaves out changes nothing on a stored row: neither reported nor cleared.
  const present = new Set<string>(parsed.columns);
  const carries = (column: string) =>
    column === 'customer'
      ? ['customer_id', 'customer_external_ref', 'customer_email'].some((c) => present.has(c))
      : present.has(column);
  const total = records.length;
  await onProgress?.({ phase: 'validating', done: 0, total });

  // Touchpoints are few: all of them, by lower-case name (and by stage too, for names in two stages).
  const touchpointRows = await db
    .select({ touchpoint: touchpoints, stage: journeyStages.name })
    .from(touchpoints)
    .innerJoin(journeyStages, eq(journeyStages.id, touchpoints.stageId))
    .then((rows) => rows.map((r) => ({ ...r.touchpoint, stage: r.stage })));
  const touchpointById = new Map<string, Touchpoint>(touchpointRows.map((t) => [t.id, t]));
  const byName = new Map<string, string[]>();
  const byStageAndName = new Map<string, string>();
  for (const t of touchpointRows) {
    const key = t.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), t.id]);
    byStageAndName.set(`${t.stage.toLowerCase()}\u0000${key}`, t.id);
  }

  // Customers: only those the file names, looked up in chunks through their indexes.
  const ids = new Set<string>();
  const refs = new Set<string>();
  const emails = new Set<string>();
  const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (const { values } of records) {
    if (values.customer_id && uuidPattern.test(values.customer_id)) ids.add(values.customer_id.toLowerCase());
    if (values.customer_external_ref) refs.add(fromCsvText(values.customer_external_ref));
    if (values.customer_email) emails.add(fromCsvText(values.customer_email).toLowerCase());
  }
  const knownIds = new Set(
    (
      await inChunks([...ids], (chunk) =>
        db.select({ id: customers.id }).from(customers).where(inArray(customers.id, chunk)),
      )
    ).map((r) => r.id),
  );
  const idByRef = new Map(
    (
      await inChunks([...refs], (chunk) =>
        db
          .select({ id: customers.id, ref: customers.externalRef })
          .from(customers)
          .where(inArray(customers.externalRef, chunk)),
      )
    ).map((r) => [r.ref!, r.id]),
  );
  const idByEmail = new Map<string, string>();
  for (const r of await inChunks([...emails], (chunk) =>
    db
      .select({ id: customers.id, email: sql<string>`lower(${customers.email})` })
      .from(customers)
      .where(inArray(sql`lower(${customers.email})`, chunk))
      .orderBy(customers.createdAt),
  )) {
    if (!idByEmail.has(r.email)) idByEmail.set(r.email, r.id);
  }

  const report = new ErrorReport();
  const totals = { created: 0, existing: 0, updated: 0, defectsRaised: 0 };
  const changed: ChangedRow[] = [];
  let changedCount = 0;
  try {
    await db.transaction(async (tx) => {
      // Writes overlap the checks: each full batch of good rows goes to the database while the
      // next rows are checked. One bad row stops the writing, the checks go on to report every
      // bad row, and the transaction is rolled back, so nothing is written.
      let writing: Promise<void> = Promise.resolve();
      let batch: InteractionInput[] = [];
      let batchRows: number[] = [];
      const seenInFile = new Map<string, { row: number; fingerprint: string }>();
      const write = (rows: InteractionInput[], lines: number[]) => {
        writing = writing.then(async () => {
          if (report.count) return;
          // Rows whose id is stored already: the same values are left be; others are reported or applied.
          const stored = new Map(
            (
              await tx
                .select()
                .from(interactions)
                .where(
                  inArray(
                    interactions.id,
                    rows.map((r) => r.id!),
                  ),
                )
                .for('update')
            ).map((r) => [r.id, r]),
          );
          const fresh: InteractionInput[] = [];
          for (let k = 0; k < rows.length; k++) {
            const input = rows[k]!;
            const existing = stored.get(input.id!);
            if (!existing) {
              fresh.push(input);
              continue;
            }
            const columns = changedInteractionColumns(existing, input).filter(carries);
            if (!columns.length) totals.existing += 1;
            else if (updateExisting) {
              const edit = await saveInteractionEdit(tx, {
                existing,
                input: {
                  ...input,
                  customerId: carries('customer') ? input.customerId : (existing.customerId ?? undefined),
                  outcome: carries('outcome') ? input.outcome : existing.outcome,
                  saleValue: carries('sale_value')
                    ? input.saleValue
                    : existing.saleValue === null
                      ? undefined
                      : Number(existing.saleValue),
                  expectation: carries('expectation') ? input.expectation : (existing.expectation ?? undefined),
                  experience: carries('experience') ? input.experience : (existing.experience ?? undefined),
                  csat: carries('csat') ? input.csat : (existing.csat ?? undefined),
                  nps: carries('nps') ? input.nps : (existing.nps ?? undefined),
                  effort: carries('effort') ? input.effort : (existing.effort ?? undefined),
                  notes: carries('notes') ? input.notes : (existing.notes ?? undefined),
                },
                touchpoint: touchpointById.get(input.touchpointId)!,
                actor: actor!,
                via: 'import',
              });
              totals.updated += 1;
              totals.defectsRaised += edit.added;
            } else {
              changedCount += 1;
              totals.existing += 1;
              if (changed.length < MAX_REPORTED_ERRORS) changed.push({ row: lines[k]!, id: input.id!, columns });
            }
          }
          // History may name touchpoints an admin has since switched off.
          const result = await recordInteractions(tx, fresh, {
            source: 'import',
            loggedById,
            allowInactiveTouchpoints: true,
          });
          totals.created += result.created.length;
          totals.existing += result.existing.length;
          totals.defectsRaised += result.defectsRaised;
        });
        // Marked as handled at once; the error still surfaces where `writing` is awaited below.
        writing.catch(() => {});
      };
      for (let i = 0; i < records.length; i++) {
        const { row, values } = records[i]!;
        let rowOk = true;
        const fail = (column: string, reason: string) => {
          report.add(row, column, reason);
          rowOk = false;
        };

        const touchpointName = fromCsvText(values.touchpoint ?? '').toLowerCase();
        const stageName = fromCsvText(values.stage ?? '').toLowerCase();
        let touchpointId: string | undefined;
        if (!touchpointName) fail('touchpoint', msg('importNameTouchpoint'));
        else if (stageName) {
          touchpointId = byStageAndName.get(`${stageName}\u0000${touchpointName}`);
          if (!touchpointId)
            fail(
              byName.has(touchpointName) ? 'stage' : 'touchpoint',
              byName.has(touchpointName)
                ? msg('importTouchpointNotInStage', { touchpoint: values.touchpoint!, stage: values.stage! })
                : msg('importNoTouchpoint', { touchpoint: values.touchpoint! }),
            );
        } else {
          const matches = byName.get(touchpointName) ?? [];
          if (matches.length === 1) touchpointId = matches[0];
          else if (matches.length === 0)
            fail('touchpoint', msg('importNoTouchpoint', { touchpoint: values.touchpoint! }));
          else fail('stage', msg('importTouchpointAmbiguous', { touchpoint: values.touchpoint! }));
        }

        // The id when this database knows it (a re-imported export), else the reference, else the email.
        let customerId: string | undefined;
        const givenId = values.customer_id?.toLowerCase();
        const givenRef = values.customer_external_ref ? fromCsvText(values.customer_external_ref) : '';
        const givenEmail = values.customer_email ? fromCsvText(values.customer_email).toLowerCase() : '';
        if (givenId && knownIds.has(givenId)) customerId = givenId;
        else if (givenRef && idByRef.has(givenRef)) customerId = idByRef.get(givenRef);
        else if (givenEmail && idByEmail.has(givenEmail)) customerId = idByEmail.get(givenEmail);
        else if (givenRef) fail('customer_external_ref', msg('importNoCustomerRef'));
        else if (givenEmail) fail('customer_email', msg('importNoCustomerEmail'));
        else if (givenId)
          fail('customer_id', uuidPattern.test(givenId) ? msg('importNoCustomerId') : msg('importCustomerIdUuid'));

        const candidate = {
          id: values.id,
          // A stand-in when the touchpoint is unknown: that row already failed, the rest is still checked.
          touchpointId: touchpointId ?? '00000000-0000-4000-8000-000000000000',
          customerId,
          occurredAt: values.occurred_at || null,
          outcome: values.outcome ? normaliseOutcome(values.outcome) : undefined,
          saleValue: values.sale_value,
          expectation: values.expectation,
          experience: values.experience,
          csat: values.csat,
          nps: values.nps,
          effort: values.effort,
          notes: values.notes === undefined ? undefined : fromCsvText(values.notes),
        };
        const result = interactionInputSchema.safeParse(candidate);
        if (!result.success) {
          for (const issue of result.error.issues)
            fail(COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0]), issue.message);
        } else if (!result.data.occurredAt) {
          fail('occurred_at', msg('importEnterOccurredAt'));
        } else if (rowOk) {
          const input = result.data;
          input.id ??= contentId('interaction', [
            input.occurredAt!.toISOString(),
            input.touchpointId,
            input.customerId ?? null,
            input.outcome,
            input.saleValue ?? null,
            input.expectation ?? null,
            input.experience ?? null,
            input.csat ?? null,
            input.nps ?? null,
            input.effort ?? null,
            input.notes ?? null,
          ]);
          // A row repeated in the file is the same interaction: stored once, counted as existing.
          // The same id with other values is a mistake in the file, reported on the later row.
          const fingerprint = contentId('row', [input]);
          const first = seenInFile.get(input.id);
          if (first) {
            if (first.fingerprint === fingerprint) totals.existing += 1;
            else fail('id', msg('importSameIdOtherValues', { row: first.row }));
          } else {
            seenInFile.set(input.id, { row, fingerprint });
            batch.push(input);
            batchRows.push(row);
          }
          if (batch.length >= IMPORT_CHUNK && !report.count) {
            write(batch, batchRows);
            batch = [];
            batchRows = [];
          }
        }
        if ((i + 1) % PROGRESS_EVERY === 0) await onProgress?.({ phase: 'validating', done: i + 1, total });
        // Yield often, so the batch being written gets its round trips while checks go on.
        if ((i + 1) % BREATHE_EVERY === 0) await breathe();
      }
      if (report.count) {
        await writing.catch(() => {});
        throw new BadRowsFound();
      }
      await onProgress?.({ phase: 'validating', done: total, total });
      await onProgress?.({ phase: 'importing', done: 0, total });
      if (batch.length) write(batch, batchRows);
      await writing;
      await onProgress?.({ phase: 'importing', done: total, total });
    });
  } catch (error) {
    if (error instanceof BadRowsFound) return report.failure('interactions');
    throw error;
  }
  return { ok: true, rows: total, ...totals, changed, changedCount };
}

/** Thrown to roll the import's transaction back once every row has been checked. */
class BadRowsFound extends Error {}
