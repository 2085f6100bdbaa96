import { z } from 'zod';
import { problem } from '@/lib/api/problem';
import { authorizeSession } from '@/lib/auth/request-auth';
import { feedbackUrl, requestOrigin } from '@/lib/feedback/public-url';
import { qrPng, qrSvg } from '@/lib/feedback/qr';
import { findEnabledFeedbackLink } from '@/lib/queries/feedback';
import { answerOutages } from '@/lib/api/outage';

const querySchema = z.object({
  touchpointId: z.uuid({ error: 'Unknown touchpoint.' }),
  format: z.enum(['png', 'svg'], { error: 'The format must be png or svg.' }).default('svg'),
  download: z.enum(['0', '1']).default('0'),
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
    unauthorized: 'Sign in as an admin to download QR codes.',
    forbidden: 'Only admins manage feedback links.',
  });
  if ('response' in auth) return auth.response;

  const search = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({
    touchpointId: (await params).touchpointId,
    format: search.get('format') ?? undefined,
    download: search.get('download') ?? undefined,
  });
  if (!parsed.success) return problem(400, 'Bad Request', z.prettifyError(parsed.error));

  const link = await findEnabledFeedbackLink({ touchpointId: parsed.data.touchpointId });
  if (!link) return problem(404, 'Not Found', 'This touchpoint has no feedback link switched on.');

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
