import type { Metadata } from 'next';
import { CsvImportForm } from '@/components/import/csv-import-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { CUSTOMER_EXPORT_COLUMNS, CUSTOMER_IMPORT_REQUIRED } from '@/lib/csv/columns';
import { MAX_IMPORT_ROWS } from '@/lib/import/read-csv';

export const metadata: Metadata = { title: 'Import customers' };

export default async function ImportCustomersPage() {
  await requirePermission('importExport');
  return (
    <>
      <PageHeader
        title="Import customers"
        description="From a CSV file: every row is checked first, and one bad row means nothing is imported."
        back={{ href: '/customers', label: 'Customers' }}
      />
      <Card className="mb-4">
        <CsvImportForm
          endpoint="/customers/import/upload"
          noun="customers"
          columns={CUSTOMER_EXPORT_COLUMNS}
          required={CUSTOMER_IMPORT_REQUIRED}
        />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">The file</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            UTF-8 text with a header row, up to {MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows. An export from the
            customers list imports as it is.
          </li>
          <li>
            Needed: <code>name</code>. Optional: <code>email</code>, <code>phone</code>, <code>company</code>,{' '}
            <code>segment</code> (its name), <code>lifecycle</code>, <code>owner_email</code>, <code>external_ref</code>{' '}
            (unique), <code>id</code>.
          </li>
          <li>
            A row whose id, external reference or email matches a stored customer creates nothing: importing twice
            creates nothing twice. If its values differ it is listed; tick “Update existing rows” to apply them.
          </li>
          <li>Column names from another tool? Choose the file and match its columns to these.</li>
          <li className="text-muted">All columns: {CUSTOMER_EXPORT_COLUMNS.join(', ')}.</li>
        </ul>
      </Card>
    </>
  );
}
