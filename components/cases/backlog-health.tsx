import Link from 'next/link';
import { linkClass } from '@/components/charts/chart-frame';
import { Card } from '@/components/ui/card';
import { formatInteger } from '@/lib/format';
import { AGE_BAND_KEYS, type BacklogHealth, type BacklogSide } from '@/lib/queries/backlog';

const AGE_LABELS = {
  '0-7': 'Up to 7 days',
  '8-30': '8–30 days',
  '31-90': '31–90 days',
  '90+': 'Over 90 days',
} as const;

const days = (v: number | null) => (v === null ? 'none closed' : `${v.toFixed(1)} days`);

/** "↑ 12 vs 8 the 30 days before": the trend in words as well as an arrow. */
function trend(current: number | null, previous: number | null, unit = '') {
  if (current === null || previous === null) return 'no earlier figure';
  const arrow = current > previous ? '↑' : current < previous ? '↓' : '→';
  return `${arrow} vs ${Number.isInteger(previous) ? formatInteger(previous) : previous.toFixed(1)}${unit} the 30 days before`;
}

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
  return (
    <Card aria-label={title}>
      <h3 className="text-base font-semibold">{title}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-muted">Open</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <Link className={linkClass} href={href()}>
              {formatInteger(side.open)}
            </Link>
          </dd>
          <dd className="text-xs text-muted">
            {formatInteger(side.opened30)} opened, {formatInteger(side.closed30)} closed in 30 days
          </dd>
        </div>
        {extra.map((e) => (
          <div key={e.label}>
            <dt className="text-xs text-muted">{e.label}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${e.value > 0 ? 'text-danger' : ''}`}>
              <Link className={linkClass} href={e.href}>
                {formatInteger(e.value)}
              </Link>
            </dd>
          </div>
        ))}
        <div>
          <dt className="text-xs text-muted">Median time to close</dt>
          <dd className="text-2xl font-semibold tabular-nums">{days(side.medianDaysToClose)}</dd>
          <dd className="text-xs text-muted">
            {trend(side.medianDaysToClose, side.medianDaysToClosePrevious, ' days')}
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-muted">Open by age</p>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm" aria-label={`${title} by age`}>
        {AGE_BAND_KEYS.map((band) => (
          <li key={band}>
            <Link className="rounded-md border border-border px-2 py-1 hover:bg-background" href={href(band)}>
              {AGE_LABELS[band]}: <span className="font-semibold tabular-nums">{formatInteger(side.byAge[band])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const OPEN_DEFECTS = 'status=open&status=investigating&status=action&status=verified';

/** Backlog health: open defects and cases by age, overdue and unassigned, and how fast they close. */
export function BacklogHealthCards({ health }: { health: BacklogHealth }) {
  return (
    <section aria-labelledby="backlog-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="backlog-heading" className="text-lg font-semibold">
          Backlog health
        </h2>
        <Link className={linkClass} href="/my-work#triage">
          Triage queue
        </Link>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Side
          title="Defects"
          side={health.defects}
          href={(band) => `/defects?${OPEN_DEFECTS}${band ? `&age=${band}` : ''}`}
          extra={[
            { label: 'Overdue', value: health.defects.overdue, href: '/defects?overdue=1' },
            { label: 'Unassigned', value: health.defects.unassigned, href: `/defects?${OPEN_DEFECTS}&unassigned=1` },
          ]}
        />
        <Side
          title="Cases"
          side={health.cases}
          href={() =>
            '/cases?status=open&status=investigating&status=action&status=monitoring&status=proved&status=not_effective'
          }
          extra={[
            { label: 'New this week', value: health.cases.newThisWeek, href: '/cases?status=open' },
            { label: 'In the managers’ queue', value: health.cases.unassigned, href: '/cases?owner=none' },
          ]}
        />
      </div>
    </section>
  );
}
