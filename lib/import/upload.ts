import 'server-only';
import { getValidationTranslator } from '@/lib/i18n/reader';
import { msg } from '@/lib/validation/messages';
import { z } from 'zod';
import { problem } from '@/lib/api/problem';
import { readLimitedBody } from '@/lib/api/read-body';
import type { CurrentUser } from '@/lib/auth/current-user';
import { authorizeSession } from '@/lib/auth/request-auth';
import { isUniqueViolation } from '@/lib/db-errors';
import type { ImportOptions, ImportResult, ProgressListener } from './common';
import { MAX_IMPORT_BYTES } from './read-csv';

export type ImportEvent =
  | { type: 'progress'; phase: 'uploading' | 'validating' | 'importing'; done: number; total: number }
  | ({ type: 'result' } & ImportResult);

/** The upload's options, in its URL: `?update=1` and `?map=<JSON of file column → ours>`. */
const uploadOptionsSchema = z.object({
  update: z.enum(['0', '1']).optional(),
  map: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: msg('importMappingNotJson') });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().max(200), z.string().max(100)))
    .optional(),
});

/**
 * The CSV upload endpoints: a manager or admin posts the file as the body; the answer is a stream
 * of JSON lines (progress, then the result), so the page can show a progress bar while it runs.
 */
export async function handleCsvUpload(
  request: Request,
  run: (
    bytes: Uint8Array,
    user: CurrentUser,
    onProgress: ProgressListener,
    options: ImportOptions,
  ) => Promise<ImportResult>,
): Promise<Response> {
  const auth = await authorizeSession('importExport', { forbidden: msg('importLeadsOnly') });
  if ('response' in auth) return auth.response;
  const { user } = auth;
  // The page shows these answers to the importing user: in their language, like the report below.
  const t = await getValidationTranslator(user);
  const params = new URL(request.url).searchParams;
  const parsedOptions = uploadOptionsSchema.safeParse({
    update: params.get('update') ?? undefined,
    map: params.get('map') ?? undefined,
  });
  if (!parsedOptions.success)
    return problem(
      400,
      'Bad Request',
      t.message(parsedOptions.error.issues[0]?.message ?? msg('importOptionsInvalid')),
    );
  const options: ImportOptions = {
    updateExisting: parsedOptions.data.update === '1',
    mapping: parsedOptions.data.map,
  };
  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES);
  if (!bytes)
    return problem(
      413,
      'Content Too Large',
      t.message(msg('csvTooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 })),
    );

  // The report speaks the reader's language: its messages are references (lib/validation/messages.ts).
  const translated = (result: ImportResult): ImportEvent =>
    result.ok
      ? { type: 'result', ...result }
      : {
          type: 'result',
          ...result,
          message: t.message(result.message),
          errors: result.errors.map((error) => ({ ...error, reason: t.message(error.reason) })),
        };
  const encoder = new TextEncoder();
  const stream = new TransformStream<Uint8Array, Uint8Array>();
  const writer = stream.writable.getWriter();
  const send = (event: ImportEvent) =>
    writer.write(encoder.encode(`${JSON.stringify(event)}\n`)).catch(() => undefined);

  void (async () => {
    try {
      const result = await run(
        bytes,
        user,
        (progress) => {
          void send({ type: 'progress', ...progress });
        },
        options,
      );
      await send(translated(result));
    } catch (error) {
      // Everything ran in one transaction, so a failure here has written nothing.
      const message = isUniqueViolation(error) ? msg('importConflict') : msg('importFailed');
      if (!isUniqueViolation(error)) console.error('CSV import failed', error);
      await send(translated({ ok: false, message, errors: [], errorCount: 0 }));
    } finally {
      await writer.close().catch(() => undefined);
    }
  })();

  return new Response(stream.readable, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
}
