import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { englishMessage } from '@/lib/i18n/english';
import { auditEvents, customers, defectCategories, defects, lifecycleChanges, lifecycleSettings } from '@/db/schema';
import { updateCustomerAction } from '@/app/(app)/customers/actions';
import { createManualDefectAction, updateDefectAction } from '@/app/(app)/defects/actions';
import { applySilenceRules } from '@/lib/customers/apply-lifecycle';
import { listLifecycleChanges } from '@/lib/queries/customers';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, createCustomerRow } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let manager: { id: string };
let categoryId: string;

async function log(customerId: string, values: Record<string, unknown>, occurredAt = new Date().toISOString()) {
  const db = await getDb();
  await db.transaction((tx) =>
    recordInteractions(
      tx,
      [interactionInputSchema.parse({ touchpointId: catalog.till.id, customerId, occurredAt, ...values })],
      { source: 'staff', loggedById: manager.id },
    ),
  );
}

async function history(customerId: string) {
  const db = await getDb();
  return (
    db
      .select({
        from: lifecycleChanges.fromLifecycle,
        to: lifecycleChanges.toLifecycle,
        rule: lifecycleChanges.rule,
        reason: lifecycleChanges.reason,
      })
      .from(lifecycleChanges)
      .where(eq(lifecycleChanges.customerId, customerId))
      .orderBy(asc(lifecycleChanges.createdAt), asc(lifecycleChanges.id))
      // Reasons are stored as message references: read them as an English reader does.
      .then((rows) => rows.map((row) => ({ ...row, reason: row.reason && englishMessage(row.reason) })))
  );
}

async function lifecycleOf(customerId: string) {
  const db = await getDb();
  const [row] = await db.select({ lifecycle: customers.lifecycle }).from(customers).where(eq(customers.id, customerId));
  return row?.lifecycle;
}

beforeAll(async () => {
  catalog = await createCatalog();
  manager = await createUser({ role: 'manager' });
  const db = await getDb();
  const [category] = await db.insert(defectCategories).values({ name: 'Lifecycle test' }).returning();
  categoryId = category!.id;
});

beforeEach(() => signInAs(manager.id));

describe('lifecycle rules, applied as interactions and defects are written', () => {
  it('takes a customer from prospect to active, at risk and advocate, recording each reason', async () => {
    const c = await createCustomerRow();
    await log(c.id, { outcome: 'sale_won', saleValue: '100' });
    expect(await lifecycleOf(c.id)).toBe('active');
    await log(c.id, { nps: '4' });
    expect(await lifecycleOf(c.id)).toBe('at_risk');
    await log(c.id, { nps: '9' });
    expect(await lifecycleOf(c.id)).toBe('at_risk');
    await log(c.id, { nps: '10' });
    expect(await lifecycleOf(c.id)).toBe('advocate');
    expect(await history(c.id)).toEqual([
      { from: 'prospect', to: 'active', rule: 'sale_won', reason: `Sale won at ${catalog.till.name}.` },
      { from: 'active', to: 'at_risk', rule: 'detractor', reason: `Detractor score (NPS 4) at ${catalog.till.name}.` },
      {
        from: 'at_risk',
        to: 'advocate',
        rule: 'promoters',
        reason: `2 promoter scores in a row (latest NPS 10 at ${catalog.till.name}).`,
      },
    ]);
  });

  it("in a batch, lets each customer's newest interaction decide", async () => {
    const c = await createCustomerRow();
    const db = await getDb();
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [
          interactionInputSchema.parse({
            touchpointId: catalog.till.id,
            customerId: c.id,
            occurredAt: '2026-01-02T00:00:00Z',
            nps: '2',
          }),
          interactionInputSchema.parse({
            touchpointId: catalog.till.id,
            customerId: c.id,
            occurredAt: '2026-01-03T00:00:00Z',
            outcome: 'sale_won',
            saleValue: '5',
          }),
        ],
        { source: 'import', loggedById: null },
      ),
    );
    expect(await history(c.id)).toMatchObject([{ from: 'prospect', to: 'active', rule: 'sale_won' }]);
  });

  it('puts a customer at risk when a major defect is recorded against them, and on raising a severity', async () => {
    const a = await createCustomerRow({ lifecycle: 'active' });
    const created = await createManualDefectAction({
      touchpointId: catalog.till.id,
      customerId: a.id,
      categoryId,
      kind: 'complaint',
      severity: 'critical',
      title: 'Broken on arrival',
    });
    expect(created.ok).toBe(true);
    expect(await history(a.id)).toEqual([
      {
        from: 'active',
        to: 'at_risk',
        rule: 'severe_defect',
        reason: `Open critical defect "Lifecycle test" at ${catalog.till.name}.`,
      },
    ]);

    const b = await createCustomerRow({ lifecycle: 'advocate' });
    const minor = await createManualDefectAction({
      touchpointId: catalog.till.id,
      customerId: b.id,
      categoryId,
      kind: 'complaint',
      title: 'Small scratch',
    });
    expect(await lifecycleOf(b.id)).toBe('advocate');
    const raised = await updateDefectAction({ id: minor.ok ? minor.data.id : '', version: '1', severity: 'major' });
    expect(raised.ok).toBe(true);
    expect(await lifecycleOf(b.id)).toBe('at_risk');
  });

  it("follows the admin's settings: a rule switched off moves nobody", async () => {
    const db = await getDb();
    await db.update(lifecycleSettings).set({ atRiskOnDetractor: false }).where(eq(lifecycleSettings.id, 1));
    try {
      const c = await createCustomerRow({ lifecycle: 'active' });
      await log(c.id, { nps: '0' });
      expect(await lifecycleOf(c.id)).toBe('active');
    } finally {
      await db.update(lifecycleSettings).set({ atRiskOnDetractor: true }).where(eq(lifecycleSettings.id, 1));
    }
  });
});

describe('the silence rules (daily job)', () => {
  it('puts the silent at risk after 90 days and churns them after 365, counting from the last contact', async () => {
    const now = new Date();
    const daysBefore = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const quiet = await createCustomerRow({ lifecycle: 'active' });
    const gone = await createCustomerRow({ lifecycle: 'at_risk' });
    const recent = await createCustomerRow({ lifecycle: 'active' });
    const prospect = await createCustomerRow({ lifecycle: 'prospect' });
    const db = await getDb();
    await db
      .update(customers)
      .set({ createdAt: new Date(daysBefore(800)) })
      .where(eq(customers.id, prospect.id));
    await log(quiet.id, {}, daysBefore(100));
    await log(gone.id, {}, daysBefore(400));
    await log(recent.id, {}, daysBefore(10));
    await applySilenceRules(db, now);
    expect(await lifecycleOf(quiet.id)).toBe('at_risk');
    expect(await lifecycleOf(gone.id)).toBe('churned');
    expect(await lifecycleOf(recent.id)).toBe('active');
    expect(await lifecycleOf(prospect.id)).toBe('prospect');
    expect(await history(gone.id)).toEqual([
      { from: 'at_risk', to: 'churned', rule: 'long_silence', reason: 'No contact for 365 days.' },
    ]);
    // Run again: nothing more to do.
    expect(await applySilenceRules(db, now)).toBe(0);
  });
});

describe('a lifecycle set by hand', () => {
  it('is recorded in the history and the audit log with who set it', async () => {
    const c = await createCustomerRow({ lifecycle: 'active' });
    const result = await updateCustomerAction({ id: c.id, name: c.name, email: c.email ?? '', lifecycle: 'churned' });
    expect(result.ok).toBe(true);
    expect(await history(c.id)).toEqual([{ from: 'active', to: 'churned', rule: null, reason: 'Set by hand.' }]);
    const db = await getDb();
    const audits = await db
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, c.id));
    expect(audits).toEqual([
      { action: 'customer.lifecycle_changed', before: { lifecycle: 'active' }, after: { lifecycle: 'churned' } },
    ]);
  });
});

describe("the admin's lifecycle rules", () => {
  it('saves them, audited, and refuses churn before at risk', async () => {
    const admin = await createUser({ role: 'admin' });
    signInAs(admin.id);
    const { saveLifecycleRulesAction } = await import('@/app/(app)/admin/lifecycle/actions');
    const refused = await saveLifecycleRulesAction({
      activeOnSale: 'on',
      atRiskOnDetractor: 'on',
      atRiskOnSevereDefect: 'on',
      atRiskAfterDays: '60',
      advocateAfterPromoters: '3',
      churnedAfterDays: '30',
    });
    expect(refused).toMatchObject({ ok: false, status: 422, fieldErrors: { churnedAfterDays: [expect.any(String)] } });
    const saved = await saveLifecycleRulesAction({
      activeOnSale: 'on',
      atRiskAfterDays: '60',
      advocateAfterPromoters: '',
      churnedAfterDays: '',
    });
    expect(saved.ok).toBe(true);
    const db = await getDb();
    const [row] = await db.select().from(lifecycleSettings);
    expect(row).toMatchObject({
      activeOnSale: true,
      atRiskOnDetractor: false,
      atRiskOnSevereDefect: false,
      atRiskAfterDays: 60,
      advocateAfterPromoters: null,
      churnedAfterDays: null,
    });
    const [audit] = await db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'lifecycle_rules.updated'));
    expect(audit?.after).toMatchObject({ atRiskAfterDays: 60, churnedAfterDays: null });
    // Back to the defaults for the other tests of this file.
    await db.update(lifecycleSettings).set({
      atRiskOnDetractor: true,
      atRiskOnSevereDefect: true,
      atRiskAfterDays: 90,
      advocateAfterPromoters: 2,
      churnedAfterDays: 365,
    });
  });
});

describe('when a lifecycle change happened', () => {
  async function times(customerId: string) {
    const db = await getDb();
    return db
      .select({ rule: lifecycleChanges.rule, at: lifecycleChanges.occurredAt, recorded: lifecycleChanges.createdAt })
      .from(lifecycleChanges)
      .where(eq(lifecycleChanges.customerId, customerId))
      .orderBy(asc(lifecycleChanges.createdAt), asc(lifecycleChanges.id));
  }

  it("is the causing interaction's time, not the time the row was written", async () => {
    const c = await createCustomerRow();
    await log(c.id, { outcome: 'sale_won', saleValue: '10' }, '2025-06-01T09:30:00Z');
    await log(c.id, { nps: '3' }, '2025-07-15T14:00:00Z');
    const rows = await times(c.id);
    expect(rows.map((r) => [r.rule, r.at.toISOString()])).toEqual([
      ['sale_won', '2025-06-01T09:30:00.000Z'],
      ['detractor', '2025-07-15T14:00:00.000Z'],
    ]);
    expect(rows.every((r) => r.recorded.getTime() > Date.now() - 60_000)).toBe(true);
    // The customer page's list: newest by when it happened, with when it was recorded.
    const listed = await listLifecycleChanges(c.id);
    expect(listed.map((r) => [r.rule, r.at.toISOString()])).toEqual([
      ['detractor', '2025-07-15T14:00:00.000Z'],
      ['sale_won', '2025-06-01T09:30:00.000Z'],
    ]);
    expect(listed[0]!.recordedAt.getTime()).toBe(rows[1]!.recorded.getTime());
  });

  it("is the defect's time for the defect rule", async () => {
    const c = await createCustomerRow({ lifecycle: 'active' });
    const created = await createManualDefectAction({
      touchpointId: catalog.till.id,
      customerId: c.id,
      categoryId,
      kind: 'complaint',
      severity: 'major',
      title: 'Late and damaged',
    });
    expect(created.ok).toBe(true);
    const db = await getDb();
    const [defect] = await db
      .select({ occurredAt: defects.occurredAt })
      .from(defects)
      .where(eq(defects.id, created.ok ? created.data.id : ''));
    const rows = await times(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.at.toISOString()).toBe(defect!.occurredAt.toISOString());
  });

  it('is the day the silence reached the rule for the silence rules', async () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const c = await createCustomerRow({ lifecycle: 'at_risk' });
    await log(c.id, {}, '2025-03-01T12:00:00Z');
    const db = await getDb();
    await applySilenceRules(db, now);
    const rows = await times(c.id);
    // 2025-03-01 12:00 + 365 days.
    expect(rows.map((r) => [r.rule, r.at.toISOString()])).toEqual([['long_silence', '2026-03-01T12:00:00.000Z']]);
  });

  it('is the write time for a change by hand', async () => {
    const c = await createCustomerRow({ lifecycle: 'active' });
    await updateCustomerAction({ id: c.id, name: c.name, email: c.email ?? '', lifecycle: 'at_risk' });
    const rows = await times(c.id);
    expect(rows).toHaveLength(1);
    expect(Math.abs(rows[0]!.at.getTime() - rows[0]!.recorded.getTime())).toBeLessThan(5_000);
  });
});
