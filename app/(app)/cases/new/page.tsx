import type { Metadata } from 'next';
import { OpenCaseForm } from '@/components/cases/open-case-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/current-user';
import { chartTitle } from '@/lib/cases/case-records';
import { paramsToObject } from '@/lib/validation/filters';
import { openCaseSchema } from '@/lib/validation/cases';

export const metadata: Metadata = { title: 'Open a case' };

/**
 * Where the dashboard's "Open a case" links land: a chart point (scope and subgroup), a Pareto bar
 * (a category) or a heat-map cell (a touchpoint), confirmed before anything is written.
 */
export default async function NewCasePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('triageDefects');
  const raw = paramsToObject(await searchParams);
  const parsed = openCaseSchema.safeParse({ scope: 'company', ...raw, items: undefined });
  if (!parsed.success) {
    return (
      <>
        <PageHeader back={{ href: '/cases', label: 'Cases' }} title="Open a case" />
        <Card>
          <p className="text-sm text-danger">
            This link does not name a chart the app knows. Open cases from the dashboard’s charts, or from a selection
            in the Defects list.
          </p>
        </Card>
      </>
    );
  }
  const input = parsed.data;
  const title = await chartTitle(await getDb(), {
    scope: input.scope!,
    stageId: input.stageId,
    touchpointId: input.touchpointId,
    categoryId: input.categoryId,
  });
  const chart: Record<string, string> = { scope: input.scope! };
  for (const key of ['stageId', 'touchpointId', 'categoryId', 'subgroup', 'period'] as const) {
    const value = input[key];
    if (value) chart[key] = value;
  }
  return (
    <>
      <PageHeader
        back={{ href: '/cases', label: 'Cases' }}
        title="Open a case"
        description="One case per chart: if this chart already has an active case, its defects join that one."
      />
      <Card>
        <dl className="mb-4 text-sm">
          <div className="flex gap-4 py-1">
            <dt className="w-32 text-muted">Chart</dt>
            <dd>{title}</dd>
          </div>
          {input.period ? (
            <div className="flex gap-4 py-1">
              <dt className="w-32 text-muted">Subgroup</dt>
              <dd>
                {input.period} ({input.subgroup === 'week' ? 'week' : 'day'}): its defects will be linked
              </dd>
            </div>
          ) : null}
        </dl>
        <OpenCaseForm chart={chart} suggestedTitle={title} />
      </Card>
    </>
  );
}
