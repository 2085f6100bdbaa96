import 'server-only';
import { problem } from '@/lib/api/problem';
import type { CurrentUser } from '@/lib/auth/current-user';
import { authorizeSession } from '@/lib/auth/request-auth';
import { isUniqueViolation } from '@/lib/customers/save-customer';
import type { ImportResult, ProgressListener } from './common';
import { MAX_IMPORT_BYTES } from './read-csv';

export type ImportEvent =
  | { type: 'progress'; phase: 'uploading' | 'validating' | 'importing'; done: number; total: number }
  | ({ type: 'result' } & ImportResult);

/** Reads the request body, refusing it as soon as it passes the size limit. */
async function readLimited(request: Request): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_IMPORT_BYTES) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The CSV upload endpoints: a manager or admin posts the file as the body; the answer is a stream
 * of JSON lines (progress, then the result), so the page can show a progress bar while it runs.
 */
export async function handleCsvUpload(
  request: Request,
  run: (bytes: Uint8Array, user: CurrentUser, onProgress: ProgressListener) => Promise<ImportResult>,
): Promise<Response> {
  const auth = await authorizeSession('importExport', { forbidden: 'Only managers and admins import data.' });
  if ('response' in auth) return auth.response;
  const { user } = auth;
  const bytes = await readLimited(request);
  if (!bytes)
    return problem(
      413,
      'Content Too Large',
      `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
    );

  const encoder = new TextEncoder();
  const stream = new TransformStream<Uint8Array, Uint8Array>();
  const writer = stream.writable.getWriter();
  const send = (event: ImportEvent) =>
    writer.write(encoder.encode(`${JSON.stringify(event)}\n`)).catch(() => undefined);

  void (async () => {
    try {
      const result = await run(bytes, user, (progress) => {
        void send({ type: 'progress', ...progress });
      });
      await send({ type: 'result', ...result });
    } catch (error) {
      // Everything ran in one transaction, so a failure here has written nothing.
      const message = isUniqueViolation(error)
        ? 'Nothing was imported: someone saved a conflicting record while the import ran. Upload the file again.'
        : 'Nothing was imported: the import failed unexpectedly. Try again, and tell an admin if it keeps failing.';
      if (!isUniqueViolation(error)) console.error('CSV import failed', error);
      await send({ type: 'result', ok: false, message, errors: [], errorCount: 0 });
    } finally {
      await writer.close().catch(() => undefined);
    }
  })();

  return new Response(stream.readable, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
}
