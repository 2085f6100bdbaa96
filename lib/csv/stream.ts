import 'server-only';
import { stringify } from 'csv-stringify/sync';

/**
 * A streamed CSV download: the header, then one chunk per page the generator yields, pulled only
 * as fast as the client reads, so a 100,000-row export never sits in memory at once.
 */
export function csvResponse<Row>(
  filename: string,
  columns: readonly string[],
  pages: AsyncGenerator<Row[]>,
  toRecord: (row: Row) => unknown[],
): Response {
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The BOM tells spreadsheets the file is UTF-8; the import skips it.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([columns as string[]])}`));
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
        controller.error(error);
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

export const today = () => new Date().toISOString().slice(0, 10);
