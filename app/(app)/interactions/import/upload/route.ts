import { getDb } from '@/db';
import { importInteractionsCsv } from '@/lib/import/import-interactions';
import { handleCsvUpload } from '@/lib/import/upload';
import { answerOutages } from '@/lib/api/outage';

export const dynamic = 'force-dynamic';

/** POST /interactions/import/upload: the CSV file as the body; answers progress and the result as JSON lines. */
export const POST = answerOutages(async function POST(request: Request) {
  return handleCsvUpload(request, async (bytes, user, onProgress) =>
    importInteractionsCsv(await getDb(), bytes, { loggedById: user.id, onProgress }),
  );
});
