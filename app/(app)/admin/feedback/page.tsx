import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
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
import {
  FEEDBACK_RESPONSE_DAYS,
  listFeedbackLinks,
  listRecentFeedback,
  type RecentFeedback,
} from '@/lib/queries/feedback';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.feedback');
  return { title: t('title') };
}

const SCORES = [
  { key: 'expectation', max: 5 },
  { key: 'experience', max: 5 },
  { key: 'csat', max: 5 },
  { key: 'nps', max: 10 },
  { key: 'effort', max: 7 },
] as const satisfies readonly { key: keyof RecentFeedback; max: number }[];

export default async function FeedbackLinksPage() {
  await requirePermission('administer');
  const [links, recent, requestHeaders] = await Promise.all([
    listFeedbackLinks(),
    listRecentFeedback({ limit: 10 }),
    headers(),
  ]);
  const origin = requestOrigin(requestHeaders);
  const live = links.filter((l) => l.enabled).length;
  const t = await getTranslations('admin.feedback');
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t('title')} description={t('description', { live, total: links.length })} />

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
                      {t('responses', { stage: link.stageName, count: link.responses, days: FEEDBACK_RESPONSE_DAYS })}
                    </p>
                  </div>
                  <Badge tone={link.enabled ? 'success' : 'neutral'}>
                    {link.enabled ? t('linkOn') : link.active ? t('linkOff') : t('notInUse')}
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
                        alt={t('qrAlt', { name: link.name })}
                        width={128}
                        height={128}
                        className="size-32 rounded-md border border-border bg-white"
                      />
                      <div className="flex flex-col gap-1 text-sm">
                        <a
                          href={`/f/${link.token}`}
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          {t.rich('openForm', {
                            name: link.name,
                            hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                          })}
                        </a>
                        <a
                          href={`${qr}?format=png&download=1&v=${version}`}
                          download
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          {t.rich('downloadPng', {
                            name: link.name,
                            hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                          })}
                        </a>
                        <a
                          href={`${qr}?format=svg&download=1&v=${version}`}
                          download
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          {t.rich('downloadSvg', {
                            name: link.name,
                            hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                          })}
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
          {t('latest')}
        </h2>
        <p className="mb-4 text-sm text-muted">{t('latestNote')}</p>
        {recent.length === 0 ? (
          <p className="text-sm text-muted">{t('noFeedback')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {recent.map((item) => (
              <li key={item.id} className="flex flex-col gap-2 py-3" data-testid="recent-feedback">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium">{item.touchpointName}</p>
                  <p className="text-xs text-muted">
                    {format.dateTime(item.occurredAt, 'dateTime')} · {item.customerName ?? t('anonymous')}
                  </p>
                </div>
                <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {SCORES.filter((s) => item[s.key] !== null).map((s) => (
                    <div key={s.key} className="flex gap-1">
                      <dt className="text-muted">{t(`scores.${s.key}`)}</dt>
                      <dd className="font-medium tabular-nums">
                        {t('outOf', { value: Number(item[s.key]), max: s.max })}
                      </dd>
                    </div>
                  ))}
                  <div className="flex gap-1">
                    <dt className="text-muted">{t('defects')}</dt>
                    <dd
                      className={
                        item.openDefectCount > 0 ? 'font-medium text-danger tabular-nums' : 'font-medium tabular-nums'
                      }
                    >
                      {format.number(item.openDefectCount, 'integer')}
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
