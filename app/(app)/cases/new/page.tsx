import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { OpenCaseForm } from '@/components/cases/open-case-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/current-user';
import { chartNames } from '@/lib/cases/case-records';
import { dayToTime } from '@/lib/dates';
import { paramsToObject } from '@/lib/validation/filters';
import { openCaseSchema } from '@/lib/validation/cases';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.open');
  return { title: t('title') };
}

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
  const t = await getTranslations('cases');
  const back = { href: '/cases', label: t('title') };
  const format = await getFormatter();
  if (!parsed.success) {
    return (
      <>
        <PageHeader back={back} title={t('open.title')} />
        <Card>
          <p className="text-sm text-danger">{t('open.badLink')}</p>
        </Card>
      </>
    );
  }
  const input = parsed.data;
  const names = await chartNames(await getDb(), {
    scope: input.scope!,
    stageId: input.stageId,
    touchpointId: input.touchpointId,
    categoryId: input.categoryId,
  });
  const title = t('open.suggestedTitle', {
    scope: input.scope!,
    hasCategory: names.category ? 'yes' : 'no',
    category: names.category ?? '',
    stage: names.stage ?? '',
    touchpoint: names.touchpoint ?? '',
  });
  const chart: Record<string, string> = { scope: input.scope! };
  for (const key of ['stageId', 'touchpointId', 'categoryId', 'subgroup', 'period'] as const) {
    const value = input[key];
    if (value) chart[key] = value;
  }
  return (
    <>
      <PageHeader back={back} title={t('open.title')} description={t('open.description')} />
      <Card>
        <dl className="mb-4 text-sm">
          <div className="flex gap-4 py-1">
            <dt className="w-32 shrink-0 text-muted">{t('open.chart')}</dt>
            <dd>{title}</dd>
          </div>
          {input.period ? (
            <div className="flex gap-4 py-1">
              <dt className="w-32 shrink-0 text-muted">{t('open.subgroup')}</dt>
              <dd>
                {t('open.subgroupValue', {
                  period: format.dateTime(new Date(dayToTime(input.period)), 'day'),
                  subgroup: input.subgroup === 'week' ? 'week' : 'day',
                })}
              </dd>
            </div>
          ) : null}
        </dl>
        <OpenCaseForm chart={chart} suggestedTitle={title} />
      </Card>
    </>
  );
}
