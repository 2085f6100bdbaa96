import 'server-only';
import { and, eq, gt, gte, isNull, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { caseEvents, cases, defects, journeyStages, touchpoints, users } from '@/db/schema';
import { addDays, isoDay } from '@/lib/dates';
import { chartKeyOf, getChartSeries } from './charts';
import { chooseSubgroup, evaluateMonitoredCharts } from './evaluate-charts';
import { judgeCase } from './proof';

/** The demo's fixed touchpoint: worse before its fix, `FIX_DAYS_AGO` days ago (db/seed-demo.ts). */
export const FIXED_TOUCHPOINT = 'Support hotline';
export const FIX_DAYS_AGO = 130;
/** The demo's "fix" that changed nothing. */
export const UNCHANGED_TOUCHPOINT = 'Support chat';
const UNCHANGED_FIX_DAYS_AGO = 100;

/**
 * The demo's improvement loop, told with the same functions the app runs: a corrective action
 * proved by the numbers, one found not effective, and the cases the monitored charts open today.
 * Each proof is judged as the nightly evaluation would have, enough subgroups after its T.
 */
export async function seedDemoCases(db: DbOrTx, { now }: { now: Date }): Promise<{ cases: number }> {
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'manager')).limit(1);
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'staff@outsidein.test')).limit(1);
  const named = async (name: string) =>
    (await db.select().from(touchpoints).where(eq(touchpoints.name, name)).limit(1))[0];
  const fixed = await named(FIXED_TOUCHPOINT);
  const unchanged = await named(UNCHANGED_TOUCHPOINT);
  const delivery = await named('Delivery and installation');
  if (!manager || !fixed || !unchanged) return { cases: 0 };
  // Owners: the demo staff member answers for delivery, so its signal lands on their My work.
  if (staff && delivery) await db.update(touchpoints).set({ ownerId: staff.id }).where(eq(touchpoints.id, delivery.id));
  const [service] = await db.select().from(journeyStages).where(eq(journeyStages.id, fixed.stageId));
  if (service) await db.update(journeyStages).set({ ownerId: manager.id }).where(eq(journeyStages.id, service.id));

  const today = isoDay(now);
  const story = [
    {
      touchpoint: fixed,
      effectiveOn: addDays(today, -FIX_DAYS_AGO),
      rootCause:
        'Why do callers give up? They wait over 10 minutes.\nWhy? Calls queue behind billing questions.\nWhy? One menu option sends every caller to the same team.',
      correctiveAction: 'Split the phone menu: billing questions go to the billing team, faults to engineers.',
    },
    {
      touchpoint: unchanged,
      effectiveOn: addDays(today, -UNCHANGED_FIX_DAYS_AGO),
      rootCause: 'Chat agents lacked answers to installation questions.',
      correctiveAction: 'Added an installation FAQ to the chat agents’ knowledge base.',
    },
  ];
  let created = 0;
  for (const item of story) {
    const chart = { scope: 'touchpoint' as const, touchpointId: item.touchpoint.id };
    const before = addDays(item.effectiveOn, -28);
    const subgroup = chooseSubgroup(
      await getChartSeries(db, { ...chart, subgroup: 'day' }, before, addDays(item.effectiveOn, -1)),
    );
    const openedAt = new Date(`${addDays(item.effectiveOn, -21)}T09:00:00Z`);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cases)
        .values({
          title: `Lost and unhappy customers at ${item.touchpoint.name}`,
          chartKey: chartKeyOf(chart),
          scope: 'touchpoint',
          stageId: item.touchpoint.stageId,
          touchpointId: item.touchpoint.id,
          subgroup,
          origin: 'manual',
          status: 'monitoring',
          ownerId: manager.id,
          rootCause: item.rootCause,
          correctiveAction: item.correctiveAction,
          effectiveOn: item.effectiveOn,
          createdById: manager.id,
          createdAt: openedAt,
          updatedAt: openedAt,
        })
        .returning();
      await tx
        .update(defects)
        .set({ caseId: row!.id })
        .where(
          and(
            eq(defects.touchpointId, item.touchpoint.id),
            isNull(defects.caseId),
            ne(defects.status, 'dismissed'),
            gte(defects.occurredAt, new Date(`${before}T00:00:00Z`)),
            lt(defects.occurredAt, new Date(`${item.effectiveOn}T00:00:00Z`)),
          ),
        );
      // The whole way from opened to monitoring, so the history tells what the fields say.
      const at = (daysAfterOpening: number) => new Date(openedAt.getTime() + daysAfterOpening * 86_400_000);
      await tx.insert(caseEvents).values([
        { caseId: row!.id, actorId: manager.id, type: 'opened', createdAt: openedAt },
        {
          caseId: row!.id,
          actorId: manager.id,
          type: 'status',
          changes: { status: { from: 'open', to: 'investigating' } },
          createdAt: at(1),
        },
        {
          caseId: row!.id,
          actorId: manager.id,
          type: 'status',
          changes: { status: { from: 'investigating', to: 'action' }, rootCause: { from: null, to: item.rootCause } },
          createdAt: at(8),
        },
        {
          caseId: row!.id,
          actorId: manager.id,
          type: 'status',
          changes: {
            status: { from: 'action', to: 'monitoring' },
            correctiveAction: { from: null, to: item.correctiveAction },
            effectiveOn: { from: null, to: item.effectiveOn },
          },
          createdAt: new Date(`${item.effectiveOn}T09:00:00Z`),
        },
      ]);
      // The night the proof had enough subgroups after T.
      const judgedOn = new Date(`${addDays(item.effectiveOn, subgroup === 'day' ? 10 : 63)}T02:00:00Z`);
      await judgeCase(tx, row!, { now: judgedOn, actorId: null });
      // Its history entry dated that night too, not the day the demo was loaded.
      await tx
        .update(caseEvents)
        .set({ createdAt: judgedOn })
        .where(
          and(eq(caseEvents.caseId, row!.id), gt(caseEvents.createdAt, new Date(`${item.effectiveOn}T09:00:00Z`))),
        );
    });
    created += 1;
  }
  const opened = await evaluateMonitoredCharts({ db, now });
  return { cases: created + opened.opened };
}
