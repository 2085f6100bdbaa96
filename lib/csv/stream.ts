import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { todayInZone } from '@/lib/dates';
import { getCompanySettings } from '@/lib/settings/company';

/** The last line of an export that failed part-way, so a saved file says it is incomplete. */
export const EXPORT_FAILED_MARKER = '# EXPORT FAILED: this file is incomplete. Download it again.';

/**
 * How long the marker gets to leave before the response is aborted. Aborting destroys the socket,
 * which drops what it has not yet sent, and the server's compression sends a flushed chunk only
 * after zlib has worked on it off the main thread: aborted at once, the marker (and the rows just
 * before it) never reached the client, compressed or not (lib/csv/stream.test.ts).
 */
const MARKER_DRAIN_MS = 250;

/**
 * A streamed CSV download: the header, then one chunk per page the generator yields, pulled only
 * as fast as the client reads, so a 100,000-row export never sits in memory at once.
 *
 * The first page is fetched before any header is sent, so a failing query answers with an error
 * status instead of a 200. Should a later page fail, the file ends with EXPORT_FAILED_MARKER and
 * the response is then aborted (MARKER_DRAIN_MS later), so neither a person nor a program mistakes
 * it for a whole file.
 */
export async function csvResponse<Row>(
  filename: string,
  columns: readonly string[],
  pages: AsyncGenerator<Row[]>,
  toRecord: (row: Row) => unknown[],
): Promise<Response> {
  const encoder = new TextEncoder();
  const first = await pages.next();
  let failure: unknown;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // The BOM tells spreadsheets the file is UTF-8; the import skips it.
      controller.enqueue(encoder.encode(`\uFEFF${stringify([columns as string[]])}`));
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(stringify(first.value.map(toRecord))));
    },
    async pull(controller) {
      if (failure) {
        await new Promise((resolve) => setTimeout(resolve, MARKER_DRAIN_MS));
        controller.error(failure);
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(stringify(next.value.map(toRecord))));
      } catch (error) {
        console.error('CSV export failed part-way', error);
        failure = error;
        controller.enqueue(encoder.encode(`${EXPORT_FAILED_MARKER}\n`));
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

/** Today in the company's time zone, for an export's file name. */
export const today = async () => todayInZone((await getCompanySettings()).timeZone);
