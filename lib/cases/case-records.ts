import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { dayEnd, dayStart } from '@/lib/queries/zone';
import { subgroupEnd, type ChartRef } from './charts';

/*
 * The writes a case shares between the monitored-chart evaluation and the people who open cases:
 * its title, its owner and its linked defects.
 */

/** The names a chart's title is made of: its stage, touchpoint and category (null when none). */
export async function chartNames(
  tx: DbOrTx,
  ref: Omit<ChartRef, 'subgroup'>,
): Promise<{ stage: string | null; touchpoint: string | null; category: string | null }> {
  const [names] = await selectRows<{ stage: string | null; touchpoint: string | null; category: string | null }>(
    tx,
    sql`select (select name from journey_stages where id = ${ref.stageId ?? null}::uuid) as stage,
               (select name from touchpoints where id = ${ref.touchpointId ?? null}::uuid) as touchpoint,
               (select name from defect_categories where id = ${ref.categoryId ?? null}::uuid) as category`,
  );
  return names ?? { stage: null, touchpoint: null, category: null };
}

/**
 * "Defect rate at Checkout", "… at the whole company": the title a case opened by the monitored
 * charts is stored with (in English, as the rest of the stored history; the page that opens a case
 * by hand suggests it in the reader's language, cases.open.suggestedTitle).
 */
export async function chartTitle(tx: DbOrTx, ref: Omit<ChartRef, 'subgroup'>): Promise<string> {
  const names = await chartNames(tx, ref);
  const where =
    ref.scope === 'company'
      ? 'the whole company'
      : ref.scope === 'stage'
        ? `the ${names.stage ?? 'stage'} stage`
        : `${names.touchpoint ?? 'the touchpoint'}`;
  return names.category ? `${names.category} at ${where}` : `Defect rate at ${where}`;
}

/**
 * Who answers for a chart's cases: the touchpoint's owner, else its stage's owner; the stage's
 * owner for a stage; nobody (the managers' queue) for the company or when no active owner is set.
 */
export async function ownerForChart(tx: DbOrTx, ref: Omit<ChartRef, 'subgroup'>): Promise<string | null> {
  if (ref.scope === 'company') return null;
  const [row] = await selectRows<{ owner_id: string | null }>(
    tx,
    ref.scope === 'touchpoint'
      ? sql`select coalesce(tu.id, su.id) as owner_id
            from touchpoints t
            join journey_stages s on s.id = t.stage_id
            left join users tu on tu.id = t.owner_id and tu.active
            left join users su on su.id = s.owner_id and su.active
            where t.id = ${ref.touchpointId}`
      : sql`select u.id as owner_id from journey_stages s left join users u on u.id = s.owner_id and u.active
            where s.id = ${ref.stageId}`,
  );
  return row?.owner_id ?? null;
}

function chartCondition(ref: Omit<ChartRef, 'subgroup'>) {
  const scope =
    ref.scope === 'stage'
      ? sql`d.touchpoint_id in (select id from touchpoints where stage_id = ${ref.stageId})`
      : ref.scope === 'touchpoint'
        ? sql`d.touchpoint_id = ${ref.touchpointId}`
        : sql`true`;
  return ref.categoryId ? sql`${scope} and d.category_id = ${ref.categoryId}` : scope;
}

/**
 * Links the not-yet-linked, non-dismissed defects of one subgroup of a chart to the case, with a
 * history event on each defect. Returns how many were linked.
 */
export async function linkSubgroupDefects(
  tx: DbOrTx,
  {
    caseId,
    ref,
    period,
    actorId,
    at = new Date(),
  }: { caseId: string; ref: ChartRef; period: string; actorId: string | null; at?: Date },
): Promise<number> {
  // The subgroup's days in the company's zone, the days the rollups counted it on.
  const from = dayStart(period);
  const to = dayEnd(subgroupEnd(period, ref.subgroup));
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`with linked as (
          update defects d set case_id = ${caseId}
          where d.case_id is null and d.status <> 'dismissed' and ${chartCondition(ref)}
            and d.occurred_at >= ${from} and d.occurred_at < ${to}
          returning d.id
        ), events as (
          insert into defect_events (defect_id, actor_id, type, changes, created_at)
          select id, ${actorId}::uuid, 'case', jsonb_build_object('caseId', jsonb_build_object('from', null, 'to', ${caseId}::text)), ${at.toISOString()}::timestamptz
          from linked
        )
        select id from linked`,
  );
  return rows.length;
}

/**
 * Links chosen defects to the case, moving any from another case, with a history event on each
 * defect. Returns the ids that changed.
 */
export async function linkDefectIds(
  tx: DbOrTx,
  { caseId, defectIds, actorId }: { caseId: string; defectIds: string[]; actorId: string | null },
): Promise<string[]> {
  if (defectIds.length === 0) return [];
  const ids = sql.join(
    defectIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`with before as (
          select id, case_id from defects where id in (${ids}) and case_id is distinct from ${caseId}::uuid for update
        ), linked as (
          update defects d set case_id = ${caseId} from before b where d.id = b.id returning d.id, b.case_id as previous
        ), events as (
          insert into defect_events (defect_id, actor_id, type, changes)
          select id, ${actorId}::uuid, 'case',
                 jsonb_build_object('caseId', jsonb_build_object('from', previous::text, 'to', ${caseId}::text))
          from linked
        )
        select id from linked`,
  );
  return rows.map((r) => r.id);
}
