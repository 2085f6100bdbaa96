import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { CHANNELS } from '@/lib/enums';
import type { FilterOptions } from '@/lib/queries/dashboard';
import { NO_SEGMENT } from '@/lib/validation/filters';
import type { MetricsFilters } from '@/lib/validation/metrics';

function Choices({
  legend,
  name,
  options,
  selected,
}: {
  legend: string;
  name: string;
  options: { id: string; label: string }[];
  selected: string[];
}) {
  const t = useTranslations('dashboard.filters');
  const count = selected.length;
  return (
    <details className="group rounded-md border border-border bg-surface">
      <summary className="flex min-h-10 cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm font-medium">
        {legend}
        <span className="text-xs text-muted">{count ? t('selected', { count }) : t('all')}</span>
      </summary>
      {/* The labels and boxes are styled from here, once, rather than each of dozens. */}
      <fieldset className="max-h-64 overflow-y-auto border-t border-border px-3 py-2 [&_input]:size-4 [&>label]:flex [&>label]:min-h-8 [&>label]:items-center [&>label]:gap-2 [&>label]:text-sm">
        <legend className="sr-only">{legend}</legend>
        {options.map((option) => (
          <label key={option.id}>
            <input type="checkbox" name={name} value={option.id} defaultChecked={selected.includes(option.id)} />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * The dashboard's filters as a plain GET form: the URL holds the whole view, so it can be
 * bookmarked and shared, and it works before any script has loaded.
 */
export function FiltersForm({
  filters,
  options,
  view,
  errors,
}: {
  filters: MetricsFilters;
  options: FilterOptions;
  /** The view's non-default choices (heat map measure, Pareto measure, control limits), kept when filtering. */
  view: Record<string, string | undefined>;
  errors?: Record<string, string[] | undefined>;
}) {
  const t = useTranslations('dashboard.filters');
  const tChannel = useTranslations('enums.channel');
  const touchpointOptions = options.stages.flatMap((s) =>
    s.touchpoints.map((tp) => ({
      id: tp.id,
      label: t(tp.active ? 'touchpoint' : 'touchpointRetired', { touchpoint: tp.name, stage: s.name }),
    })),
  );
  const errorText = errors ? Object.values(errors).flat().filter(Boolean) : [];
  return (
    <form
      method="get"
      action="/dashboard"
      aria-label={t('label')}
      className="mb-6 rounded-lg border border-border bg-surface p-4 shadow-sm"
    >
      {errorText.length ? (
        <p role="alert" className="mb-3 text-sm text-danger">
          {t('notUnderstood', { reasons: errorText.join(' ') })}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium">
            {t('from')}
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={filters.from}
            required
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium">
            {t('to')}
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={filters.to}
            required
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="granularity" className="text-sm font-medium">
            {t('granularity')}
          </label>
          <select
            id="granularity"
            name="granularity"
            defaultValue={filters.granularity}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          >
            <option value="day">{t('day')}</option>
            <option value="week">{t('week')}</option>
            <option value="month">{t('month')}</option>
          </select>
        </div>
        {/* Wraps rather than overflow the form where the column is narrower than both labels. */}
        <div className="flex flex-wrap content-end items-end gap-2">
          <button type="submit" className={buttonClass('primary', 'flex-1')}>
            {t('apply')}
          </button>
          <a href="/dashboard" className={buttonClass('secondary')}>
            {t('reset')}
          </a>
        </div>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Choices
          legend={t('touchpoints')}
          name="touchpoint"
          options={touchpointOptions}
          selected={filters.touchpoint}
        />
        <Choices
          legend={t('stages')}
          name="stage"
          options={options.stages.map((s) => ({ id: s.id, label: s.name }))}
          selected={filters.stage}
        />
        <Choices
          legend={t('channels')}
          name="channel"
          options={CHANNELS.map((c) => ({ id: c, label: tChannel(c) }))}
          selected={filters.channel}
        />
        <Choices
          legend={t('segments')}
          name="segment"
          // "No segment" (no customer, or a customer without one) is the segment table's own row,
          // so the filter offers it too: `segment=none` in the one filter spec the lists and API share.
          options={[
            ...options.segments.map((s) => ({ id: s.id, label: s.name })),
            { id: NO_SEGMENT, label: t('noSegment') },
          ]}
          selected={filters.segment}
        />
      </div>
      {Object.entries(view).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
    </form>
  );
}
