import { getDb } from '@/db';
import { importCustomersCsv } from '@/lib/import/import-customers';
import { handleCsvUpload } from '@/lib/import/upload';
import { answerOutages } from '@/lib/api/outage';

export const dynamic = 'force-dynamic';

/** POST /customers/import/upload: the CSV file as the body; answers progress and the result as JSON lines. */
export const POST = answerOutages(async function POST(request: Request) {
  return handleCsvUpload(request, async (bytes, _user, onProgress) =>
    importCustomersCsv(await getDb(), bytes, { onProgress }),
  );
});
