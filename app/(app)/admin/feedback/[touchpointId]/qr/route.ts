import { z } from 'zod';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { authorizeSession } from '@/lib/auth/request-auth';
import { feedbackUrl, requestOrigin } from '@/lib/feedback/public-url';
import { qrPng, qrSvg } from '@/lib/feedback/qr';
import { findEnabledFeedbackLink } from '@/lib/queries/feedback';
import { answerOutages } from '@/lib/api/outage';

const querySchema = z.object({
  touchpointId: z.uuid({ error: msg('unknownTouchpoint') }),
  format: z.enum(['png', 'svg'], { error: msg('qrFormat') }).default('svg'),
  download: z.enum(['0', '1'], { error: msg('parametersNotUnderstood') }).default('0'),
});

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'touchpoint';

/** The QR code of a touchpoint's feedback link, as SVG or PNG; admins only. */
export const GET = answerOutages(async function GET(
  request: Request,
  { params }: { params: Promise<{ touchpointId: string }> },
): Promise<Response> {
  const auth = await authorizeSession('administer', {
    unauthorized: msg('qrSignInAsAdmin'),
    forbidden: msg('qrAdminsOnly'),
  });
  if ('response' in auth) return auth.response;

  const search = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({
    touchpointId: (await params).touchpointId,
    format: search.get('format') ?? undefined,
    download: search.get('download') ?? undefined,
  });
  if (!parsed.success) return readerProblem(400, 'Bad Request', parsed.error.issues[0]?.message);

  const link = await findEnabledFeedbackLink({ touchpointId: parsed.data.touchpointId });
  if (!link) return readerProblem(404, 'Not Found', msg('qrNoFeedbackLink'));

  const url = feedbackUrl(requestOrigin(request.headers), link.token);
  const filename = `feedback-qr-${slug(link.name)}.${parsed.data.format}`;
  const headers = {
    // The code changes when the link is rotated: never serve a stale one.
    'cache-control': 'private, no-store',
    'content-disposition': `${parsed.data.download === '1' ? 'attachment' : 'inline'}; filename="${filename}"`,
    'x-content-type-options': 'nosniff',
  };
  if (parsed.data.format === 'png') {
    return new Response(new Uint8Array(await qrPng(url)), { headers: { ...headers, 'content-type': 'image/png' } });
  }
  return new Response(await qrSvg(url), { headers: { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' } });
});
