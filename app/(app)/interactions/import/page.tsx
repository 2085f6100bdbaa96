import type { Metadata } from 'next';
import { CsvImportForm } from '@/components/import/csv-import-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { INTERACTION_EXPORT_COLUMNS, INTERACTION_IMPORT_REQUIRED } from '@/lib/csv/columns';
import { MAX_IMPORT_ROWS } from '@/lib/import/read-csv';

export const metadata: Metadata = { title: 'Import interactions' };

export default async function ImportInteractionsPage() {
  await requirePermission('importExport');
  return (
    <>
      <PageHeader
        title="Import interactions"
        description="From a CSV file: every row is checked first, and one bad row means nothing is imported."
        back={{ href: '/interactions', label: 'Interactions' }}
      />
      <Card className="mb-4">
        <CsvImportForm
          endpoint="/interactions/import/upload"
          noun="interactions"
          columns={INTERACTION_EXPORT_COLUMNS}
          required={INTERACTION_IMPORT_REQUIRED}
        />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">The file</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            UTF-8 text with a header row, up to {MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows. An export from the
            interactions list imports as it is.
          </li>
          <li>
            Needed: <code>occurred_at</code> (like 2026-01-31T14:05:00Z) and <code>touchpoint</code> (its name; add{' '}
            <code>stage</code> when two stages share it).
          </li>
          <li>
            The customer, if any, by <code>customer_id</code>, <code>customer_external_ref</code> or{' '}
            <code>customer_email</code>.
          </li>
          <li>
            Optional: <code>id</code>, <code>outcome</code>, <code>sale_value</code>, <code>expectation</code>,{' '}
            <code>experience</code>, <code>csat</code>, <code>nps</code>, <code>effort</code>, <code>notes</code>.
            Auto-defect rules apply to every imported interaction.
          </li>
          <li>
            Importing the same file twice creates nothing twice: rows keep their id, or get one from their content. A
            row whose id is stored with other values is listed; tick “Update existing rows” to apply it.
          </li>
          <li>Column names from another tool? Choose the file and match its columns to these.</li>
          <li className="text-muted">All columns: {INTERACTION_EXPORT_COLUMNS.join(', ')}.</li>
        </ul>
      </Card>
    </>
  );
}
