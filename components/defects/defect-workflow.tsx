'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { isBackMove, moveLabelKey } from '@/lib/defects/workflow';
import { useDefectVersion } from './defect-version';
import { TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import type { DefectStatus } from '@/lib/enums';

/** One button per move this person may make from the defect's status, and nothing else. */
export function DefectWorkflow({
  id,
  version: renderedVersion,
  status,
  moves: allMoves,
  caseNumber = null,
}: {
  id: string;
  version: number;
  status: DefectStatus;
  moves: DefectStatus[];
  /** The case whose proof this defect's closing waits for, if any. */
  caseNumber?: number | null;
}) {
  const t = useTranslations('defects.workflow');
  // A defect linked to an unproved case closes with the case's proof, not by hand.
  const moves = caseNumber !== null ? allMoves.filter((to) => to !== 'closed') : allMoves;
  const { run, pending, result, fieldErrors, reset } = useAction(updateDefectAction);
  const [dismissing, setDismissing] = useState(false);
  const { version, saved } = useDefectVersion(renderedVersion);

  if (moves.length === 0) {
    return (
      <p className="text-sm text-muted">
        {caseNumber !== null && status === 'verified'
          ? t('caseCloses', { number: caseNumber })
          : status === 'verified'
            ? t('managerCloses')
            : t('noMoves')}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {moves.map((to) =>
          to === 'dismissed' ? (
            <Button
              key={to}
              type="button"
              variant="secondary"
              aria-expanded={dismissing}
              onClick={() => (reset(), setDismissing((d) => !d))}
            >
              {t('dismissMore')}
            </Button>
          ) : (
            <Button
              key={to}
              type="button"
              variant={isBackMove(status, to) ? 'secondary' : 'primary'}
              disabled={pending}
              onClick={() => run({ id, version, status: to }, (data) => saved(data.version))}
            >
              {t(`move.${moveLabelKey(status, to)}`)}
            </Button>
          ),
        )}
      </div>
      {dismissing ? (
        <form
          className="flex flex-col gap-2 rounded-md border border-border p-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            run(form, (data) => (saved(data.version), setDismissing(false)));
          }}
        >
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="status" value="dismissed" />
          <TextAreaField
            label={t('whyNot')}
            name="dismissReason"
            required
            autoFocus
            error={fieldErrors?.dismissReason}
          />
          <div>
            <Button type="submit" variant="danger" disabled={pending}>
              {t('dismissDefect')}
            </Button>
          </div>
        </form>
      ) : null}
      <ResultMessage result={result} success={t('statusChanged')} />
    </div>
  );
}
