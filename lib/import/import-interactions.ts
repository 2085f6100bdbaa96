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
import { randomUUID } from 'node:crypto';
import { applyLifecycleChanges } from '@/lib/customers/apply-lifecycle';
import { autoDefectCategoryIds, autoDefectRows } from '@/lib/interactions/auto-defects';
import { pendingLifecycleChanges, readContext } from '@/lib/interactions/record-interactions';
import { analyseComment } from '@/lib/voice/analyse-comment';
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
import { copyField, createStagingTables, StagingCopy, storedStagedRows, storeStagedRows } from './interaction-staging';
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
// Rows per insert from the staging table. Larger statements run the statement-level rollup
// triggers for more rows at once, but the voice rollup's retention check compares each new row
// with its customer's other new rows: 12,000 rows of one customer in one statement ran past the
// statement timeout, 5,000 take a second.
const STORE_CHUNK = 5_000;
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
      const categoryIds = await autoDefectCategoryIds(tx);
      await createStagingTables(tx);
      // Checked rows are copied to the staging table as they pass, while the later rows are still
      // being checked. One bad row stops the copying, the checks go on to report every bad row,
      // and the transaction is rolled back, so nothing is written.
      const staging = await StagingCopy.open(tx, 'import_interactions');
      const good: StagedRow[] = [];
      const seenInFile = new Map<string, { row: number; input: InteractionInput }>();
      try {
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
            const first = seenInFile.get(input.id);
            if (first) {
              if (JSON.stringify(first.input) === JSON.stringify(input)) totals.existing += 1;
              else fail('id', msg('importSameIdOtherValues', { row: first.row }));
            } else {
              seenInFile.set(input.id, { row, input });
              if (!report.count)
                good.push(await stage(staging, row, input, touchpointById.get(input.touchpointId)!, categoryIds));
            }
          }
          if ((i + 1) % PROGRESS_EVERY === 0) await onProgress?.({ phase: 'validating', done: i + 1, total });
          // Yield often, so the staged rows travel while checks go on.
          if ((i + 1) % BREATHE_EVERY === 0) await breathe();
        }
      } catch (error) {
        staging.abort(error);
        throw error;
      }
      await staging.end();
      if (report.count) throw new BadRowsFound();
      await onProgress?.({ phase: 'validating', done: total, total });
      await onProgress?.({ phase: 'importing', done: 0, total });

      const defectStaging = await StagingCopy.open(tx, 'import_defects');
      for (const staged of good)
        for (const d of staged.defects)
          await defectStaging.add([
            d.id,
            d.interactionId,
            String(staged.line),
            d.touchpointId,
            copyField(d.customerId),
            d.categoryId,
            d.kind,
            d.severity,
            d.lostRevenue,
            d.occurredAt.toISOString(),
            d.autoRule,
          ]);
      await defectStaging.end();
      await tx.execute(sql`analyze import_interactions, import_defects`);

      // Rows whose id is stored already: the same values are left be; others are reported or applied.
      const stored = new Map((await storedStagedRows(tx)).map((r) => [r.id, r]));
      const fresh: StagedRow[] = [];
      for (const staged of good) {
        const { input, line } = staged;
        const existing = stored.get(input.id!.toLowerCase());
        if (!existing) {
          fresh.push(staged);
          continue;
        }
        const columns = changedInteractionColumns(existing, input).filter(carries);
        if (!columns.length) totals.existing += 1;
        else if (updateExisting) {
          const [locked] = await tx.select().from(interactions).where(eq(interactions.id, existing.id)).for('update');
          const edit = await saveInteractionEdit(tx, {
            existing: locked!,
            input: {
              ...input,
              customerId: carries('customer') ? input.customerId : (locked!.customerId ?? undefined),
              outcome: carries('outcome') ? input.outcome : locked!.outcome,
              saleValue: carries('sale_value')
                ? input.saleValue
                : locked!.saleValue === null
                  ? undefined
                  : Number(locked!.saleValue),
              expectation: carries('expectation') ? input.expectation : (locked!.expectation ?? undefined),
              experience: carries('experience') ? input.experience : (locked!.experience ?? undefined),
              csat: carries('csat') ? input.csat : (locked!.csat ?? undefined),
              nps: carries('nps') ? input.nps : (locked!.nps ?? undefined),
              effort: carries('effort') ? input.effort : (locked!.effort ?? undefined),
              notes: carries('notes') ? input.notes : (locked!.notes ?? undefined),
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
          if (changed.length < MAX_REPORTED_ERRORS) changed.push({ row: line, id: input.id!, columns });
        }
      }

      // The lifecycle facts of the customers the new rows name, as they were before this write.
      const customerIds = [...new Set(fresh.map((f) => f.input.customerId).filter((id): id is string => Boolean(id)))];
      const facts: Awaited<ReturnType<typeof readContext>>['customers'] = [];
      let rules: Awaited<ReturnType<typeof readContext>>['rules'] = null;
      for (let i = 0; i < customerIds.length; i += LOOKUP_CHUNK) {
        const context = await readContext(tx, [], customerIds.slice(i, i + LOOKUP_CHUNK), []);
        facts.push(...context.customers);
        rules = context.rules;
      }

      // The new rows, set-based from the staging table, a few large statements rather than one
      // per row or one huge one (each within the statement timeout, with progress between).
      const storedNow = new Set<string>();
      for (let i = 0; i < fresh.length; i += STORE_CHUNK) {
        const part = fresh.slice(i, i + STORE_CHUNK);
        const result = await storeStagedRows(tx, part[0]!.line, part.at(-1)!.line, loggedById);
        for (const id of result.ids) storedNow.add(id);
        totals.defectsRaised += result.defects;
        await onProgress?.({
          phase: 'importing',
          done: Math.round((total * (i + part.length)) / fresh.length),
          total,
        });
      }
      totals.created += storedNow.size;
      totals.existing += fresh.length - storedNow.size;

      // The lifecycle moves the new rows cause, once for the whole file (docs/lifecycle.md).
      const written = fresh.filter((f) => storedNow.has(f.input.id!.toLowerCase()));
      const changes = pendingLifecycleChanges(
        written.map(({ input }) => ({
          row: {
            id: input.id!.toLowerCase(),
            customerId: input.customerId ?? null,
            touchpointId: input.touchpointId,
            occurredAt: input.occurredAt!,
            outcome: input.outcome,
            nps: input.nps ?? null,
          },
        })),
        written.flatMap((f) => f.defects),
        new Map(facts.map((c) => [c.id, c])),
        touchpointById,
        new Map([...categoryIds].map(([name, id]) => [id, name])),
        rules,
      );
      await applyLifecycleChanges(tx, changes, loggedById);
      await onProgress?.({ phase: 'importing', done: total, total });
    });
  } catch (error) {
    if (error instanceof BadRowsFound) return report.failure('interactions');
    throw error;
  }
  return { ok: true, rows: total, ...totals, changed, changedCount };
}

interface StagedRow {
  line: number;
  input: InteractionInput;
  defects: (ReturnType<typeof autoDefectRows>[number] & { id: string })[];
}

/**
 * Copies one checked row to the staging table as it will be stored: its comment's sentiment and
 * phrases, its touchpoint's opportunities, and its auto defects counted (kept for the defects'
 * own staging table).
 */
async function stage(
  staging: StagingCopy,
  line: number,
  input: InteractionInput,
  touchpoint: Touchpoint,
  categoryIds: Awaited<ReturnType<typeof autoDefectCategoryIds>>,
): Promise<StagedRow> {
  const id = input.id!.toLowerCase();
  const saleValue = input.saleValue === undefined ? null : input.saleValue.toFixed(2);
  const defects = autoDefectRows(
    {
      id,
      customerId: input.customerId ?? null,
      touchpointId: input.touchpointId,
      occurredAt: input.occurredAt!,
      outcome: input.outcome,
      saleValue,
      expectation: input.expectation ?? null,
      experience: input.experience ?? null,
      csat: input.csat ?? null,
      nps: input.nps ?? null,
    },
    touchpoint,
    categoryIds,
  ).map((d) => ({ ...d, id: randomUUID() }));
  const analysis = analyseComment(input.notes);
  await staging.add([
    id,
    String(line),
    copyField(input.customerId),
    input.touchpointId,
    input.occurredAt!.toISOString(),
    input.outcome,
    copyField(saleValue),
    copyField(input.expectation),
    copyField(input.experience),
    copyField(input.csat),
    copyField(input.nps),
    copyField(input.effort),
    copyField(input.notes),
    copyField(analysis.sentiment),
    copyField(analysis.sentimentScore),
    copyField(analysis.commentPhrases),
    String(touchpoint.opportunities),
    String(defects.length),
  ]);
  return { line, input, defects };
}

/** Thrown to roll the import's transaction back once every row has been checked. */
class BadRowsFound extends Error {}
