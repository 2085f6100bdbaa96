import { useFormatter, useTranslations } from 'next-intl';
import { linkClass } from '@/components/charts/chart-frame';
import { Card } from '@/components/ui/card';
import { AGE_BAND_KEYS, type BacklogHealth, type BacklogSide } from '@/lib/queries/backlog';

function Side({
  title,
  side,
  href,
  extra,
}: {
  title: string;
  side: BacklogSide;
  href: (band?: string) => string;
  extra: { label: string; value: number; href: string }[];
}) {
  const t = useTranslations('cases.backlog');
  const format = useFormatter();
  const current = side.medianDaysToClose;
  const previous = side.medianDaysToClosePrevious;
  return (
    <Card aria-label={title}>
      <h3 className="text-base font-semibold">{title}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-muted">{t('open')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <a className={linkClass} href={href()}>
              {format.number(side.open, 'integer')}
            </a>
          </dd>
          <dd className="text-xs text-muted">{t('openedClosed', { opened: side.opened30, closed: side.closed30 })}</dd>
        </div>
        {extra.map((e) => (
          <div key={e.label}>
            <dt className="text-xs text-muted">{e.label}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${e.value > 0 ? 'text-danger' : ''}`}>
              <a className={linkClass} href={e.href}>
                {format.number(e.value, 'integer')}
              </a>
            </dd>
          </div>
        ))}
        <div>
          <dt className="text-xs text-muted">{t('medianToClose')}</dt>
          {/* No figure yet is said in plain words, not set as a headline number (where German's
              "keiner geschlossen" was wider than its column). */}
          <dd
            className={current === null ? 'mt-1 text-sm break-words text-muted' : 'text-2xl font-semibold tabular-nums'}
          >
            {current === null ? t('noneClosed') : t('days', { value: current })}
          </dd>
          {/* The trend in words as well as an arrow: "↑ vs 8.0 days the 30 days before". */}
          <dd className="text-xs text-muted">
            {current === null || previous === null
              ? t('noEarlier')
              : t('trend', {
                  direction: current > previous ? 'up' : current < previous ? 'down' : 'flat',
                  previous,
                })}
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-muted">{t('openByAge')}</p>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm" aria-label={t('byAge', { title })}>
        {AGE_BAND_KEYS.map((band) => (
          <li key={band}>
            <a className="rounded-md border border-border px-2 py-1 hover:bg-background" href={href(band)}>
              {t(`age.${band}`)}:{' '}
              <span className="font-semibold tabular-nums">{format.number(side.byAge[band], 'integer')}</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const OPEN_DEFECTS = 'status=open&status=investigating&status=action&status=verified';
const OVERDUE_DEFECTS = '/defects?overdue=1';
const NEW_CASES = '/cases?status=open';
const QUEUED_CASES = '/cases?owner=none';

/** Backlog health: open defects and cases by age, overdue and unassigned, and how fast they close. */
export function BacklogHealthCards({ health }: { health: BacklogHealth }) {
  const t = useTranslations('cases.backlog');
  return (
    <section aria-labelledby="backlog-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="backlog-heading" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <a className={linkClass} href="/my-work#triage">
          {t('triageQueue')}
        </a>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Side
          title={t('defects')}
          side={health.defects}
          href={(band) => `/defects?${OPEN_DEFECTS}${band ? `&age=${band}` : ''}`}
          extra={[
            { label: t('overdue'), value: health.defects.overdue, href: OVERDUE_DEFECTS },
            {
              label: t('unassigned'),
              value: health.defects.unassigned,
              href: `/defects?${OPEN_DEFECTS}&unassigned=1`,
            },
          ]}
        />
        <Side
          title={t('cases')}
          side={health.cases}
          href={() =>
            '/cases?status=open&status=investigating&status=action&status=monitoring&status=proved&status=not_effective'
          }
          extra={[
            { label: t('newThisWeek'), value: health.cases.newThisWeek, href: NEW_CASES },
            { label: t('inQueue'), value: health.cases.unassigned, href: QUEUED_CASES },
          ]}
        />
      </div>
    </section>
  );
}
