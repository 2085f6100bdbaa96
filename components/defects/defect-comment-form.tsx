'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { commentOnDefectAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';

export function DefectCommentForm({ id }: { id: string }) {
  const t = useTranslations('defects.comment');
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, result, fieldErrors } = useAction(commentOnDefectAction);
  return (
    <form
      ref={form}
      noValidate
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        run(new FormData(event.currentTarget), () => form.current?.reset());
      }}
    >
      <input type="hidden" name="id" value={id} />
      <TextAreaField label={t('label')} name="comment" error={fieldErrors?.comment} />
      <ResultMessage result={result} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t('adding') : t('add')}
        </Button>
      </div>
    </form>
  );
}
