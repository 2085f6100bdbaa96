import type { Metadata } from 'next';
import Image from 'next/image';
import { headers } from 'next/headers';
import { CopyLink } from '@/components/feedback/copy-link';
import { FeedbackLinkActions } from '@/components/feedback/feedback-link-actions';
import { FeedbackQuestionForm } from '@/components/feedback/feedback-question-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { feedbackUrl, requestOrigin } from '@/lib/feedback/public-url';
import { formatDateTime, formatInteger } from '@/lib/format';
import {
  FEEDBACK_RESPONSE_DAYS,
  listFeedbackLinks,
  listRecentFeedback,
  type RecentFeedback,
} from '@/lib/queries/feedback';

export const metadata: Metadata = { title: 'Feedback links' };

const SCORES: { key: keyof RecentFeedback; label: string; max: number }[] = [
  { key: 'expectation', label: 'Expected', max: 5 },
  { key: 'experience', label: 'Got', max: 5 },
  { key: 'csat', label: 'CSAT', max: 5 },
  { key: 'nps', label: 'NPS', max: 10 },
  { key: 'effort', label: 'Ease', max: 7 },
];

export default async function FeedbackLinksPage() {
  await requirePermission('administer');
  const [links, recent, requestHeaders] = await Promise.all([
    listFeedbackLinks(),
    listRecentFeedback({ limit: 10 }),
    headers(),
  ]);
  const origin = requestOrigin(requestHeaders);
  const live = links.filter((l) => l.enabled).length;

  return (
    <>
      <PageHeader
        title="Feedback links"
        description={`Let customers rate a touchpoint from their phone, no account needed. ${formatInteger(live)} of ${formatInteger(links.length)} links are on.`}
      />

      <ul className="flex flex-col gap-3">
        {links.map((link) => {
          const url = link.enabled && link.token ? feedbackUrl(origin, link.token) : null;
          const qr = `/admin/feedback/${link.id}/qr`;
          // Changes with the token, so a rotated code is never shown from the browser's cache.
          const version = link.token?.slice(0, 8) ?? '';
          return (
            <li key={link.id}>
              <Card
                aria-labelledby={`tp-${link.id}`}
                className={url ? 'flex flex-col gap-4' : 'flex flex-wrap items-center justify-between gap-3'}
              >
                <div className="flex min-w-0 flex-1 flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 id={`tp-${link.id}`} className="text-base font-semibold">
                      {link.name}
                    </h2>
                    <p className="text-sm text-muted">
                      {link.stageName} · {formatInteger(link.responses)}{' '}
                      {link.responses === 1 ? 'response' : 'responses'} in the last {FEEDBACK_RESPONSE_DAYS} days
                    </p>
                  </div>
                  <Badge tone={link.enabled ? 'success' : 'neutral'}>
                    {link.enabled ? 'Link on' : link.active ? 'Link off' : 'Touchpoint not in use'}
                  </Badge>
                </div>

                {url ? (
                  <div className="grid gap-4 md:grid-cols-[1fr_auto]">
                    <div className="flex min-w-0 flex-col gap-4">
                      <CopyLink url={url} label={link.name} />
                      <FeedbackQuestionForm touchpointId={link.id} question={link.question} />
                    </div>
                    <div className="flex flex-row items-center gap-4 md:flex-col md:items-center">
                      {/* unoptimized: the image sits behind the admin session and must never be cached by an optimiser. */}
                      <Image
                        unoptimized
                        src={`${qr}?format=svg&v=${version}`}
                        alt={`QR code of the feedback link for ${link.name}`}
                        width={128}
                        height={128}
                        className="size-32 rounded-md border border-border bg-white"
                      />
                      <div className="flex flex-col gap-1 text-sm">
                        <a
                          href={`/f/${link.token}`}
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          Open the form<span className="sr-only"> for {link.name}</span>
                        </a>
                        <a
                          href={`${qr}?format=png&download=1&v=${version}`}
                          download
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          Download PNG<span className="sr-only"> QR code for {link.name}</span>
                        </a>
                        <a
                          href={`${qr}?format=svg&download=1&v=${version}`}
                          download
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          Download SVG<span className="sr-only"> QR code for {link.name}</span>
                        </a>
                      </div>
                    </div>
                  </div>
                ) : null}

                <FeedbackLinkActions
                  touchpointId={link.id}
                  touchpointName={link.name}
                  enabled={link.enabled}
                  canEnable={link.active}
                />
              </Card>
            </li>
          );
        })}
      </ul>

      <Card aria-labelledby="recent-feedback-heading" className="mt-8">
        <h2 id="recent-feedback-heading" className="mb-1 text-lg font-semibold">
          Latest responses
        </h2>
        <p className="mb-4 text-sm text-muted">The newest answers from the public pages, as customers wrote them.</p>
        {recent.length === 0 ? (
          <p className="text-sm text-muted">No feedback has arrived yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {recent.map((item) => (
              <li key={item.id} className="flex flex-col gap-2 py-3" data-testid="recent-feedback">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium">{item.touchpointName}</p>
                  <p className="text-xs text-muted">
                    {formatDateTime(item.occurredAt)} · {item.customerName ?? 'Anonymous'}
                  </p>
                </div>
                <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {SCORES.filter((s) => item[s.key] !== null).map((s) => (
                    <div key={s.key} className="flex gap-1">
                      <dt className="text-muted">{s.label}</dt>
                      <dd className="font-medium tabular-nums">
                        {String(item[s.key])}/{s.max}
                      </dd>
                    </div>
                  ))}
                  <div className="flex gap-1">
                    <dt className="text-muted">Defects</dt>
                    <dd
                      className={
                        item.openDefectCount > 0 ? 'font-medium text-danger tabular-nums' : 'font-medium tabular-nums'
                      }
                    >
                      {item.openDefectCount}
                    </dd>
                  </div>
                </dl>
                {/* Plain text only: React escapes it, so markup in a comment is shown, never run. */}
                {item.comment ? <p className="whitespace-pre-wrap break-words text-sm">{item.comment}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
