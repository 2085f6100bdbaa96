'use client';

import { parse } from 'csv-parse/browser/esm/sync';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ImportEvent } from '@/lib/import/upload';
import { guessColumn } from '@/lib/csv/guess-column';
import { ColumnMapping } from './column-mapping';

type Progress = Extract<ImportEvent, { type: 'progress' }>;
type Result = Extract<ImportEvent, { type: 'result' }>;

/**
 * Uploads a CSV file and follows the import: a progress bar while the file uploads, while every
 * row is checked and while rows are written; then the result, or each bad row with its column
 * and reason.
 */
export function CsvImportForm({
  endpoint,
  kind,
  columns,
  required,
}: {
  endpoint: string;
  /** What the file holds: names the button and what "existing" means. */
  kind: 'customers' | 'interactions';
  /** Our column names, for mapping a file whose headers are another tool's. */
  columns: readonly string[];
  required: readonly string[];
}) {
  const t = useTranslations('imports.form');
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
      setFileError(t('chooseFile'));
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
      let detail = t('uploadFailed', { status: xhr.status });
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
        message: t('connectionFailed'),
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
      <form onSubmit={onSubmit} aria-label={t(`submit.${kind}`)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-col gap-1">
            <label htmlFor="csv-file" className="text-sm font-medium">
              {t('file')}
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
            {running ? t('importing') : t(`submit.${kind}`)}
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
            {t('updateExisting')}
            <span className="block text-xs text-muted">{t(`updateExistingHint.${kind}`)}</span>
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
            {progress.phase === 'uploading'
              ? t('phase.uploading')
              : t(`phase.${progress.phase}`, { done: progress.done, total: progress.total })}
          </label>
          <progress id="import-progress" className="h-3 w-full" max={100} value={percent}>
            {percent} %
          </progress>
        </div>
      ) : null}

      {result?.ok ? (
        <FormMessage
          tone="success"
          message={t(result.defectsRaised !== undefined ? 'imported.interactions' : 'imported.customers', {
            rows: result.rows,
            created: result.created,
            updated: result.updated ?? 0,
            existing: result.existing,
            defects: result.defectsRaised ?? 0,
          })}
        />
      ) : (
        <FormMessage message={result?.message} />
      )}

      {result?.ok && result.changed?.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left">
              <span className="font-medium text-warning">
                {t('changed.count', { count: result.changedCount ?? result.changed.length })}
              </span>{' '}
              {t('changed.hint')}
              {(result.changedCount ?? 0) > result.changed.length
                ? ` ${t('changed.firstListed', { count: result.changed.length })}`
                : ''}
            </caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('row')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('id')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('columnsThatDiffer')}
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
              {result.errorCount > result.errors.length
                ? t('rowsToFixSome', { shown: result.errors.length, total: result.errorCount })
                : t('rowsToFix')}
            </caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('row')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('column')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('reason')}
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
