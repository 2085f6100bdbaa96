import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CsvImportForm } from '@/components/import/csv-import-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import {
  INTERACTION_IMPORT_REQUIRED,
  interactionExportColumns,
  interactionImportColumns,
  saleValueColumn,
} from '@/lib/csv/columns';
import { getCompanySettings } from '@/lib/settings/company';
import { MAX_IMPORT_ROWS } from '@/lib/import/read-csv';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('imports.interactions');
  return { title: t('title') };
}

export default async function ImportInteractionsPage() {
  await requirePermission('importExport');
  const { currency } = await getCompanySettings();
  const t = await getTranslations('imports.interactions');
  const tFile = await getTranslations('imports.file');
  const format = await getFormatter();
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={tFile('description')}
        back={{ href: '/interactions', label: t('back') }}
      />
      <Card className="mb-4">
        <CsvImportForm
          endpoint="/interactions/import/upload"
          kind="interactions"
          // An export's sale_value_<currency> and an older file's sale_value both import.
          columns={interactionImportColumns(currency)}
          required={INTERACTION_IMPORT_REQUIRED}
        />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{tFile('title')}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>{t('format', { max: format.number(MAX_IMPORT_ROWS, 'integer') })}</li>
          <li>{t.rich('needed', { code })}</li>
          <li>{t.rich('customer', { code })}</li>
          <li>{t.rich('optional', { code, saleColumn: saleValueColumn(currency), currency })}</li>
          <li>{t('existing')}</li>
          <li>{tFile('otherTool')}</li>
          <li className="text-muted">
            {tFile('allColumns', { columns: interactionExportColumns(currency).join(', ') })}
          </li>
        </ul>
      </Card>
    </>
  );
}
