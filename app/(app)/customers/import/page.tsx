import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CsvImportForm } from '@/components/import/csv-import-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { CUSTOMER_EXPORT_COLUMNS, CUSTOMER_IMPORT_REQUIRED } from '@/lib/csv/columns';
import { MAX_IMPORT_ROWS } from '@/lib/import/read-csv';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('imports.customers');
  return { title: t('title') };
}

export default async function ImportCustomersPage() {
  await requirePermission('importExport');
  const t = await getTranslations('imports.customers');
  const tFile = await getTranslations('imports.file');
  const format = await getFormatter();
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={tFile('description')}
        back={{ href: '/customers', label: t('back') }}
      />
      <Card className="mb-4">
        <CsvImportForm
          endpoint="/customers/import/upload"
          kind="customers"
          columns={CUSTOMER_EXPORT_COLUMNS}
          required={CUSTOMER_IMPORT_REQUIRED}
        />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{tFile('title')}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>{t('format', { max: format.number(MAX_IMPORT_ROWS, 'integer') })}</li>
          <li>{t.rich('columns', { code })}</li>
          <li>{t('existing')}</li>
          <li>{tFile('otherTool')}</li>
          <li className="text-muted">{tFile('allColumns', { columns: CUSTOMER_EXPORT_COLUMNS.join(', ') })}</li>
        </ul>
      </Card>
    </>
  );
}
