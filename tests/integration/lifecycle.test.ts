import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents, customers, defectCategories, lifecycleChanges, lifecycleSettings } from '@/db/schema';
import { updateCustomerAction } from '@/app/(app)/customers/actions';
import { createManualDefectAction, updateDefectAction } from '@/app/(app)/defects/actions';
import { applySilenceRules } from '@/lib/customers/apply-lifecycle';
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
  return db
    .select({
      from: lifecycleChanges.fromLifecycle,
      to: lifecycleChanges.toLifecycle,
      rule: lifecycleChanges.rule,
      reason: lifecycleChanges.reason,
    })
    .from(lifecycleChanges)
    .where(eq(lifecycleChanges.customerId, customerId))
    .orderBy(asc(lifecycleChanges.createdAt), asc(lifecycleChanges.id));
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
