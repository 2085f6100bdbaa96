import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { defects } from '@/db/schema';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { countDefectsAssignedTo, listRecentInteractionsLoggedBy } from '@/lib/queries/my-work';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { createCatalog } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;

beforeAll(async () => {
  catalog = await createCatalog();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('My work', () => {
  it('lists only my interactions, newest first', async () => {
    const me = await createUser({ role: 'staff' });
    const other = await createUser({ role: 'staff' });
    const db = await getDb();
    const mine = [randomUUID(), randomUUID()];
    await db.transaction(async (tx) => {
      await recordInteractions(
        tx,
        [
          interactionInputSchema.parse({
            id: mine[0],
            touchpointId: catalog.till.id,
            occurredAt: new Date(Date.now() - 3_600_000),
          }),
        ],
        { source: 'staff', loggedById: me.id },
      );
      await recordInteractions(tx, [interactionInputSchema.parse({ id: mine[1], touchpointId: catalog.till.id })], {
        source: 'staff',
        loggedById: me.id,
      });
      await recordInteractions(tx, [interactionInputSchema.parse({ touchpointId: catalog.till.id })], {
        source: 'staff',
        loggedById: other.id,
      });
    });
    expect((await listRecentInteractionsLoggedBy({ userId: me.id })).map((r) => r.id)).toEqual([mine[1], mine[0]]);
  });

  it('counts my unfinished defects, those due this week and those overdue', async () => {
    const me = await createUser({ role: 'staff' });
    const db = await getDb();
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        ids.map((id) =>
          interactionInputSchema.parse({ id, touchpointId: catalog.till.id, outcome: 'sale_lost', saleValue: 1 }),
        ),
        { source: 'staff', loggedById: me.id },
      ),
    );
    const plan: [string, string, 'open' | 'closed' | 'investigating'][] = [
      [ids[0]!, day(-2), 'open'],
      [ids[1]!, day(3), 'investigating'],
      [ids[2]!, day(30), 'open'],
      [ids[3]!, day(-2), 'closed'],
    ];
    for (const [interactionId, dueOn, status] of plan) {
      await db.update(defects).set({ ownerId: me.id, dueOn, status }).where(eq(defects.interactionId, interactionId));
    }
    expect(await countDefectsAssignedTo({ userId: me.id })).toEqual({ open: 3, overdue: 1, dueSoon: 1 });
  });
});
