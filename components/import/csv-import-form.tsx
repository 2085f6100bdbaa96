'use client';

import { parse } from 'csv-parse/browser/esm/sync';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ImportEvent } from '@/lib/import/upload';
import { formatInteger } from '@/lib/format';
import { guessColumn } from '@/lib/csv/guess-column';
import { ColumnMapping } from './column-mapping';

type Progress = Extract<ImportEvent, { type: 'progress' }>;
type Result = Extract<ImportEvent, { type: 'result' }>;

const PHASE_LABELS: Record<Progress['phase'], string> = {
  uploading: 'Uploading',
  validating: 'Checking every row',
  importing: 'Importing',
};

/**
 * Uploads a CSV file and follows the import: a progress bar while the file uploads, while every
 * row is checked and while rows are written; then the result, or each bad row with its column
 * and reason.
 */
export function CsvImportForm({
  endpoint,
  noun,
  columns,
  required,
}: {
  endpoint: string;
  noun: string;
  /** Our column names, for mapping a file whose headers are another tool's. */
  columns: readonly string[];
  required: readonly string[];
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>();
  const [result, setResult] = useState<Result>();
  const [fileError, setFileError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [updateExisting, setUpdateExisting] = useState(false);
  // The chosen file's headers when some are not ours, and what the user says each one holds.
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});

  async function onFileChosen(file: File | undefined) {
    setResult(undefined);
    setHeaders([]);
    setMapping({});
    if (!file) return;
    try {
      const head = await file.slice(0, 64 * 1024).text();
      const [row] = parse(head, { bom: true, to_line: 1, relax_column_count: true, relax_quotes: true }) as string[][];
      const names = (row ?? []).map((h) => h.trim()).filter(Boolean);
      if (names.every((h) => columns.includes(h.toLowerCase()))) return;
      setHeaders(names);
      setMapping(Object.fromEntries(names.map((h) => [h, guessColumn(h, columns)])));
    } catch {
      // Unreadable here: the server reads the file again and says what is wrong with it.
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError('Choose a CSV file.');
      return;
    }
    setFileError(undefined);
    setResult(undefined);
    setRunning(true);
    setProgress({ type: 'progress', phase: 'uploading', done: 0, total: file.size });

    const xhr = new XMLHttpRequest();
    let seen = 0;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as ImportEvent;
        if (message.type === 'progress') setProgress(message);
        else setResult(message);
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) =>
      setProgress({ type: 'progress', phase: 'uploading', done: e.loaded, total: e.total || file.size });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      setRunning(false);
      setProgress(undefined);
      if (xhr.getResponseHeader('content-type')?.includes('ndjson')) {
        readLines();
        return;
      }
      let detail = `The upload failed (${xhr.status}).`;
      try {
        detail = (JSON.parse(xhr.responseText) as { detail?: string }).detail ?? detail;
      } catch {
        // Not a problem document: keep the status.
      }
      setResult({ type: 'result', ok: false, message: detail, errors: [], errorCount: 0 });
    };
    xhr.onerror = () => {
      setRunning(false);
      setProgress(undefined);
      setResult({
        type: 'result',
        ok: false,
        message:
          'The connection failed before the import finished. Nothing was imported unless a retry says the rows are already there.',
        errors: [],
        errorCount: 0,
      });
    };
    const params = new URLSearchParams();
    if (updateExisting) params.set('update', '1');
    if (headers.length) params.set('map', JSON.stringify(mapping));
    xhr.open('POST', params.size ? `${endpoint}?${params}` : endpoint);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.send(file);
  }

  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} aria-label={`Import ${noun}`} className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-col gap-1">
            <label htmlFor="csv-file" className="text-sm font-medium">
              CSV file
            </label>
            <input
              ref={fileRef}
              id="csv-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => void onFileChosen(event.target.files?.[0])}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'csv-file-error' : undefined}
              className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-2"
            />
            {fileError ? (
              <p id="csv-file-error" className="text-sm text-danger">
                {fileError}
              </p>
            ) : null}
          </div>
          <Button type="submit" disabled={running}>
            {running ? 'Importing…' : `Import ${noun}`}
          </Button>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="update"
            className="mt-0.5 size-4"
            checked={updateExisting}
            onChange={(event) => setUpdateExisting(event.target.checked)}
          />
          <span>
            Update existing rows
            <span className="block text-xs text-muted">
              A row whose {noun === 'customers' ? 'id, reference or email' : 'id'} is already stored with other values
              changes it: checked like a new row, {noun === 'customers' ? '' : 'defect rules re-applied, '}
              recorded in the audit log. Unticked, such rows are listed and left as they are.
            </span>
          </span>
        </label>
        {headers.length ? (
          <ColumnMapping
            headers={headers}
            columns={columns}
            required={required}
            mapping={mapping}
            onChange={setMapping}
          />
        ) : null}
      </form>

      {progress ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="import-progress" className="text-sm">
            {PHASE_LABELS[progress.phase]}
            {progress.phase === 'uploading'
              ? ''
              : `: ${formatInteger(progress.done)} of ${formatInteger(progress.total)} rows`}
          </label>
          <progress id="import-progress" className="h-3 w-full" max={100} value={percent}>
            {percent} %
          </progress>
        </div>
      ) : null}

      {result?.ok ? (
        <FormMessage
          tone="success"
          message={`Imported ${formatInteger(result.rows)} rows: ${formatInteger(result.created)} new${
            result.updated ? `, ${formatInteger(result.updated)} updated` : ''
          }, ${formatInteger(result.existing)} already there${
            result.defectsRaised !== undefined ? `, ${formatInteger(result.defectsRaised)} defects raised` : ''
          }.`}
        />
      ) : (
        <FormMessage message={result?.message} />
      )}

      {result?.ok && result.changed?.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left">
              <span className="font-medium text-warning">
                {formatInteger(result.changedCount ?? result.changed.length)} row
                {(result.changedCount ?? 0) === 1 ? ' is' : 's are'} already stored with other values and{' '}
                {(result.changedCount ?? 0) === 1 ? 'was' : 'were'} left as{' '}
                {(result.changedCount ?? 0) === 1 ? 'it was' : 'they were'}.
              </span>{' '}
              Tick “Update existing rows” and import again to apply the new values.
              {(result.changedCount ?? 0) > result.changed.length
                ? ` The first ${formatInteger(result.changed.length)} are listed.`
                : ''}
            </caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Row
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Id
                </th>
                <th scope="col" className="py-2 font-medium">
                  Columns that differ
                </th>
              </tr>
            </thead>
            <tbody>
              {result.changed.map((change) => (
                <tr key={change.row} className="border-t border-border">
                  <td className="py-2 pr-4 tabular-nums">{change.row}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{change.id}</td>
                  <td className="py-2 font-mono text-xs">{change.columns.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {result && !result.ok && result.errors.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left font-medium">
              Rows to fix
              {result.errorCount > result.errors.length
                ? ` (the first ${formatInteger(result.errors.length)} of ${formatInteger(result.errorCount)})`
                : ''}
            </caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Row
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Column
                </th>
                <th scope="col" className="py-2 font-medium">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((error, i) => (
                <tr key={`${error.row}-${error.column}-${i}`} className="border-t border-border">
                  <td className="py-2 pr-4 tabular-nums">{error.row}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{error.column}</td>
                  <td className="py-2">{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
