import { useTranslations } from 'next-intl';
import type { DefectOptions } from '@/lib/queries/defects';
import type { DefectFilters } from '@/lib/validation/filters';
import { SelectField } from '@/components/ui/form-fields';
import { DEFECT_KINDS, SEVERITIES } from '@/lib/enums';
import { FilterActions } from '@/components/ui/filter-actions';

/** A single choice shows as a plain select; several (from a drill-down link) as a multiple one, so none is lost. */
const choice = (values: string[]) =>
  values.length > 1
    ? { multiple: true, defaultValue: values, size: Math.min(values.length + 1, 5) }
    : { defaultValue: values[0] ?? '' };

/** The shared defect filters as a GET form, so the state lives in the URL. */
export function DefectFiltersForm({
  filters,
  q,
  options,
  showOwner,
  view,
  sort,
}: {
  filters: DefectFilters;
  q?: string;
  options: DefectOptions;
  showOwner: boolean;
  view: string;
  sort?: { sort?: string; dir?: string };
}) {
  const t = useTranslations('defects');
  const tEnum = useTranslations('enums');
  return (
    <form
      method="get"
      action="/defects"
      className="mb-4 rounded-lg border border-border bg-surface p-4"
      aria-label={t('filters.label')}
    >
      {filters.status.map((s) => (
        <input key={s} type="hidden" name="status" value={s} />
      ))}
      {/* Filters this form has no control for (they come from dashboard drill-downs) are kept. */}
      {filters.channel.map((c) => (
        <input key={c} type="hidden" name="channel" value={c} />
      ))}
      {filters.segment.map((id) => (
        <input key={id} type="hidden" name="segment" value={id} />
      ))}
      {filters.customer ? <input type="hidden" name="customer" value={filters.customer} /> : null}
      {filters.interaction ? <input type="hidden" name="interaction" value={filters.interaction} /> : null}
      {view === 'board' ? <input type="hidden" name="view" value="board" /> : null}
      {sort?.sort ? <input type="hidden" name="sort" value={sort.sort} /> : null}
      {sort?.dir ? <input type="hidden" name="dir" value={sort.dir} /> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium">
            {t('filters.search')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t('filters.searchPlaceholder')}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          />
        </div>
        <SelectField label={t('field.kind')} name="kind" {...choice(filters.kind)}>
          <option value="">{t('filters.anyKind')}</option>
          {DEFECT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tEnum(`defectKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.category')} name="category" {...choice(filters.category)}>
          <option value="">{t('filters.anyCategory')}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.severity')} name="severity" {...choice(filters.severity)}>
          <option value="">{t('filters.anySeverity')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {tEnum(`severity.${severity}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('filters.stage')} name="stage" {...choice(filters.stage)}>
          <option value="">{t('filters.anyStage')}</option>
          {options.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.touchpoint')} name="touchpoint" {...choice(filters.touchpoint)}>
          <option value="">{t('filters.anyTouchpoint')}</option>
          {options.touchpoints.map((t) => (
            <option key={t.id} value={t.id}>
              {t.stageName} › {t.name}
            </option>
          ))}
        </SelectField>
        {showOwner ? (
          <SelectField label={t('field.owner')} name="owner" {...choice(filters.owner)}>
            <option value="">{t('filters.anyone')}</option>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.active ? p.name : t('filters.inactive', { name: p.name })}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField label={t('filters.raised')} name="auto" defaultValue={filters.auto ?? ''}>
          <option value="">{t('filters.raisedAny')}</option>
          <option value="1">{t('filters.byRule')}</option>
          <option value="0">{t('filters.byHand')}</option>
        </SelectField>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium">
            {t('filters.from')}
          </label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={filters.from}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium">
            {t('filters.to')}
          </label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={filters.to}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          />
        </div>
        <div className="flex items-center gap-2 self-end pb-2">
          <input
            id="overdue"
            name="overdue"
            type="checkbox"
            value="1"
            defaultChecked={filters.overdue === '1'}
            className="size-4"
          />
          <label htmlFor="overdue" className="text-sm font-medium">
            {t('filters.overdue')}
          </label>
        </div>
      </div>
      <FilterActions
        apply={t('filters.apply')}
        clear={t('filters.clear')}
        href={view === 'board' ? '/defects?view=board' : '/defects'}
        className="mt-3"
      />
    </form>
  );
}
