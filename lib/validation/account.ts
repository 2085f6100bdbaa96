import { z } from 'zod';
import { LANGUAGES } from '@/lib/i18n/languages';
import { msg } from '@/lib/validation/messages';

/** A user's language choice: one OutsideIn ships, or `company` (empty) to follow the company's. */
export const COMPANY_LANGUAGE = 'company';

export const setLanguageSchema = z.object({
  language: z
    .enum([COMPANY_LANGUAGE, ...LANGUAGES], { error: msg('chooseLanguage') })
    .transform((value) => (value === COMPANY_LANGUAGE ? null : value)),
});
