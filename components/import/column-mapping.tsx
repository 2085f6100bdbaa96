'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { SelectField } from '@/components/ui/form-fields';

/**
 * One row per column of the chosen file: which of our columns it holds, or none. Shown when the
 * file's headers are not all ours, so a file from another tool can still be imported.
 */
export function ColumnMapping({
  headers,
  columns,
  required,
  mapping,
  onChange,
}: {
  headers: string[];
  columns: readonly string[];
  required: readonly string[];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const t = useTranslations('imports.mapping');
  const format = useFormatter();
  const chosen = Object.values(mapping).filter(Boolean);
  const missing = required.filter((c) => !chosen.includes(c));
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium">{t('legend')}</legend>
      <p className="text-sm text-muted">{t('description')}</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {headers.map((header, i) => (
          <SelectField
            key={`${header}-${i}`}
            id={`map-${i}`}
            name={`map-${i}`}
            label={t('columnIs', { header })}
            value={mapping[header] ?? ''}
            onChange={(event) => onChange({ ...mapping, [header]: event.target.value })}
          >
            <option value="">{t('leaveOut')}</option>
            {columns.map((column) => (
              <option key={column} value={column}>
                {required.includes(column) ? t('needed', { column }) : column}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      {missing.length ? (
        <p className="text-sm text-danger" role="status">
          {t('stillNeeded', { columns: format.list(missing, { type: 'unit' }) })}
        </p>
      ) : null}
    </fieldset>
  );
}
