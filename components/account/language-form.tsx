'use client';

import { useTranslations } from 'next-intl';
import { setLanguageAction } from '@/app/(app)/account/language/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@/lib/i18n/languages';
import { COMPANY_LANGUAGE } from '@/lib/validation/account';

/**
 * The user's own UI language, or the company's. Saving reloads the page, so every part of it
 * (the shell, the page, the formats) speaks the new language at once.
 */
export function LanguageForm({ current, companyLanguage }: { current: Language | null; companyLanguage: Language }) {
  const t = useTranslations('account.language');
  const { submit, pending, result, fieldErrors } = useAction(setLanguageAction, {
    onSuccess: () => window.location.reload(),
  });
  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <SelectField
        label={t('label')}
        name="language"
        defaultValue={current ?? COMPANY_LANGUAGE}
        error={fieldErrors.language}
        hint={t('hint')}
      >
        <option value={COMPANY_LANGUAGE}>{t('company', { language: LANGUAGE_NAMES[companyLanguage] })}</option>
        {LANGUAGES.map((language) => (
          // Each language named in itself, so a reader finds their own whatever the page speaks.
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </SelectField>
      <ResultMessage result={result} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}
