'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ImportEvent } from '@/lib/import/upload';
import { formatInteger } from '@/lib/format';

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
export function CsvImportForm({ endpoint, noun }: { endpoint: string; noun: string }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>();
  const [result, setResult] = useState<Result>();
  const [fileError, setFileError] = useState<string>();
  const [running, setRunning] = useState(false);

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
    xhr.open('POST', endpoint);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.send(file);
  }

  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} aria-label={`Import ${noun}`} className="flex flex-col gap-3 sm:flex-row sm:items-end">
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
          message={`Imported ${formatInteger(result.rows)} rows: ${formatInteger(result.created)} new, ${formatInteger(result.existing)} already there${
            result.defectsRaised !== undefined ? `, ${formatInteger(result.defectsRaised)} defects raised` : ''
          }.`}
        />
      ) : (
        <FormMessage message={result?.message} />
      )}

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
