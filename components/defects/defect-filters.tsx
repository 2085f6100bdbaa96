import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import type { DefectOptions } from '@/lib/queries/defects';
import type { DefectFilters } from '@/lib/validation/filters';
import { SelectField } from '@/components/ui/form-fields';
import { KIND_LABELS, SEVERITY_LABELS } from '@/lib/enums';

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
  return (
    <form
      method="get"
      action="/defects"
      className="mb-4 rounded-lg border border-border bg-surface p-4"
      aria-label="Filter defects"
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
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Title, customer, touchpoint"
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          />
        </div>
        <SelectField label="Kind" name="kind" {...choice(filters.kind)}>
          <option value="">Any kind</option>
          {Object.entries(KIND_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Category" name="category" {...choice(filters.category)}>
          <option value="">Any category</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Severity" name="severity" {...choice(filters.severity)}>
          <option value="">Any severity</option>
          {Object.entries(SEVERITY_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Stage" name="stage" {...choice(filters.stage)}>
          <option value="">Any stage</option>
          {options.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Touchpoint" name="touchpoint" {...choice(filters.touchpoint)}>
          <option value="">Any touchpoint</option>
          {options.touchpoints.map((t) => (
            <option key={t.id} value={t.id}>
              {t.stageName} › {t.name}
            </option>
          ))}
        </SelectField>
        {showOwner ? (
          <SelectField label="Owner" name="owner" {...choice(filters.owner)}>
            <option value="">Anyone</option>
            {options.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.active ? '' : ' (inactive)'}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField label="Raised" name="auto" defaultValue={filters.auto ?? ''}>
          <option value="">Automatically or by hand</option>
          <option value="1">By a rule</option>
          <option value="0">By hand</option>
        </SelectField>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-sm font-medium">
            Occurred from
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
            Occurred to
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
            Only overdue follow-ups
          </label>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Apply filters
        </button>
        <Link href={view === 'board' ? '/defects?view=board' : '/defects'} className={buttonClass('secondary')}>
          Clear
        </Link>
      </div>
    </form>
  );
}
