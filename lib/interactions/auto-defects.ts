import 'server-only';
import { and, eq, inArray, isNotNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { defectCategories, defects, interactions, type Interaction, type Touchpoint } from '@/db/schema';
import { evaluateAutoDefects, type AutoDefectSpec, type RuleSettings } from '@/lib/defects/auto-rules';

/**
 * Ids of the categories auto defects start in. They are seeded, so this is one read; a category an
 * admin removed is created again first.
 */
export async function autoDefectCategoryIds(db: DbOrTx): Promise<Map<AutoDefectSpec['categoryName'], string>> {
  const names: AutoDefectSpec['categoryName'][] = ['Lost sale', 'Below expectations'];
  const read = async () => {
    const rows = await db
      .select({ id: defectCategories.id, name: defectCategories.name })
      .from(defectCategories)
      .where(
        inArray(
          sql`lower(${defectCategories.name})`,
          names.map((n) => n.toLowerCase()),
        ),
      );
    return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
  };
  let byLower = await read();
  const missing = names.filter((n) => !byLower.has(n.toLowerCase()));
  if (missing.length) {
    await db
      .insert(defectCategories)
      .values(missing.map((name) => ({ name })))
      .onConflictDoNothing();
    byLower = await read();
  }
  return new Map(names.map((n) => [n, byLower.get(n.toLowerCase())!]));
}

export function ruleInputOf(
  interaction: Pick<Interaction, 'outcome' | 'saleValue' | 'expectation' | 'experience' | 'csat' | 'nps'>,
) {
  return {
    outcome: interaction.outcome,
    saleValue: interaction.saleValue === null ? null : Number(interaction.saleValue),
    expectation: interaction.expectation,
    experience: interaction.experience,
    csat: interaction.csat,
    nps: interaction.nps,
  };
}

/** The rows of the auto defects one interaction raises. */
export function autoDefectRows(
  interaction: Pick<
    Interaction,
    | 'id'
    | 'customerId'
    | 'touchpointId'
    | 'occurredAt'
    | 'outcome'
    | 'saleValue'
    | 'expectation'
    | 'experience'
    | 'csat'
    | 'nps'
  >,
  touchpoint: RuleSettings,
  categoryIds: Map<AutoDefectSpec['categoryName'], string>,
) {
  return evaluateAutoDefects(ruleInputOf(interaction), touchpoint).map((spec) => ({
    touchpointId: interaction.touchpointId,
    interactionId: interaction.id,
    customerId: interaction.customerId,
    categoryId: categoryIds.get(spec.categoryName)!,
    kind: spec.kind,
    severity: spec.severity,
    lostRevenue: spec.lostRevenue.toFixed(2),
    occurredAt: interaction.occurredAt,
    autoRule: spec.rule,
  }));
}

/**
 * Re-applies the rules to an edited interaction: adds the auto defects it now raises, removes
 * the ones it no longer raises that nobody has touched, keeps touched ones, moves every linked
 * defect to the interaction's time, touchpoint and customer, and recounts its open defects. Run
 * it in the transaction of the edit.
 */
export async function syncAutoDefects(
  tx: DbOrTx,
  interaction: Interaction,
  touchpoint: Touchpoint,
): Promise<{ added: number; removed: number; moved: number }> {
  const wanted = autoDefectRows(interaction, touchpoint, await autoDefectCategoryIds(tx));
  const wantedRules = wanted.map((row) => row.autoRule);

  const removed = await tx
    .delete(defects)
    .where(
      and(
        eq(defects.interactionId, interaction.id),
        isNotNull(defects.autoRule),
        eq(defects.touched, false),
        wantedRules.length > 0 ? notInArray(defects.autoRule, wantedRules) : sql`true`,
      ),
    )
    .returning({ id: defects.id });

  const added = wanted.length
    ? await tx
        .insert(defects)
        .values(wanted)
        .onConflictDoNothing({ target: [defects.interactionId, defects.autoRule] })
        .returning({ id: defects.id })
    : [];

  // Every linked defect follows the interaction, triaged or not, so D and its defective unit stay
  // on one day, touchpoint and segment (docs/metrics-second-version.md). Dismissed ones follow
  // too: reopened, they count where their interaction does.
  const moved = await tx
    .update(defects)
    .set({
      occurredAt: interaction.occurredAt,
      touchpointId: interaction.touchpointId,
      customerId: interaction.customerId,
    })
    .where(
      and(
        eq(defects.interactionId, interaction.id),
        or(
          ne(defects.occurredAt, interaction.occurredAt),
          ne(defects.touchpointId, interaction.touchpointId),
          sql`${defects.customerId} is distinct from ${interaction.customerId}`,
        ),
      ),
    )
    .returning({ id: defects.id });

  await recountOpenDefects(tx, [interaction.id]);
  return { added: added.length, removed: removed.length, moved: moved.length };
}

/** Sets each interaction's open-defect count from its non-dismissed defects. */
export async function recountOpenDefects(tx: DbOrTx, interactionIds: string[]): Promise<void> {
  if (interactionIds.length === 0) return;
  await tx
    .update(interactions)
    .set({
      openDefectCount: sql`(select count(*) from ${defects} where ${defects.interactionId} = ${interactions.id} and ${defects.status} <> 'dismissed')`,
    })
    .where(inArray(interactions.id, interactionIds));
}
