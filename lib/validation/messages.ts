import type validation from '@/messages/en/validation.json';

/*
 * Validation and refusal messages are translatable (docs/i18n.md). A zod schema or a DomainError
 * cannot know who reads it, so it carries a message *reference*: `msg('tooLong', { field:
 * 'title', max: 200 })` encodes the key of the `validation` namespace and its ICU arguments in the
 * message string. Whoever hands the message to a person translates it: the action wrapper
 * (lib/action.ts) for the reader's language, the CSV import for its per-row report, and the HTTP
 * API (lib/api/problem.ts) in English. An argument named `field` is a key of `validation.fields`,
 * and an argument written `@<key>` (see `ref`) a message key of any namespace, such as
 * `@enums.defectStatus.open`; both are translated first. An argument named `period` or `day`
 * holding a calendar day ('YYYY-MM-DD') is passed as that day, for the message to format with the
 * UTC-pinned `day` format (lib/i18n/formats.ts), as the pages write days. Text that is not a
 * reference passes unchanged.
 */

export type ValidationKey = Exclude<keyof typeof validation, 'fields' | 'fieldNames'>;
export type ValidationField = keyof (typeof validation)['fields'];
export type MessageValues = { field?: ValidationField } & Record<string, string | number>;

/**
 * An argument that is itself a message: `ref('enums.caseStatus', status)`, with its own arguments
 * when it has some: `ref('dashboard.pChart', 'signal.beyond-3-sigma', { side: 'above' })`.
 */
export const ref = (namespace: string, key: string, values?: Record<string, string | number>) =>
  `@${namespace}.${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

/** The key and arguments of a `ref`, or null when it names no message of the translator. */
function decodeRef(
  value: string,
  t: ValidationTranslator,
): { key: string; values?: Record<string, string | number> } | null {
  const space = value.indexOf(' ');
  const key = space < 0 ? value.slice(1) : value.slice(1, space);
  if (!t.has(key)) return null;
  if (space < 0) return { key };
  try {
    return { key, values: JSON.parse(value.slice(space + 1)) as Record<string, string | number> };
  } catch {
    return null;
  }
}

const PREFIX = 'validation:';
const DAY_ARGUMENTS = new Set(['period', 'day']);
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = /^validation:([A-Za-z0-9]+)(?: (\{.*\}))?$/s;

/** A reference to the message `key` of the `validation` namespace, with its arguments. */
export function msg(key: ValidationKey, values?: MessageValues): string {
  return values ? `${PREFIX}${key} ${JSON.stringify(values)}` : `${PREFIX}${key}`;
}

/** The key and arguments of a message reference, or null when `text` is plain text. */
export function decodeMessage(text: string): { key: string; values: Record<string, string | number> } | null {
  const match = REFERENCE.exec(text);
  if (!match) return null;
  try {
    return { key: match[1]!, values: match[2] ? (JSON.parse(match[2]) as Record<string, string | number>) : {} };
  } catch {
    return null;
  }
}

/** A translator of the whole message tree, as next-intl's createTranslator gives it without a namespace. */
export type ValidationTranslator = {
  (key: string, values?: Record<string, string | number | Date>): string;
  has: (key: string) => boolean;
};

/** Several references shown as one message, sentence after sentence. */
export const sentences = (...references: string[]) => references.join('\n');

/**
 * The text of a message reference in the translator's language; plain text passes unchanged.
 * An argument that is a reference itself is translated too, and so is each line of `sentences`.
 */
export function translateMessage(text: string, t: ValidationTranslator): string {
  if (text.includes('\n') && text.startsWith(PREFIX)) {
    return text
      .split('\n')
      .map((line) => translateMessage(line, t))
      .join(' ');
  }
  const decoded = decodeMessage(text);
  if (!decoded || !t.has(`validation.${decoded.key}`)) return text;
  const values: Record<string, string | number | Date> = { ...decoded.values };
  if (typeof values.field === 'string') values.field = `@validation.fields.${values.field}`;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') continue;
    if (DAY_ARGUMENTS.has(name) && CALENDAR_DAY.test(value)) {
      values[name] = new Date(`${value}T00:00:00Z`);
      continue;
    }
    const named = value.startsWith('@') ? decodeRef(value, t) : null;
    if (named) values[name] = t(named.key, named.values);
    else if (value.startsWith(PREFIX)) values[name] = translateMessage(value, t);
  }
  return t(`validation.${decoded.key}`, values);
}

/** Every message of a field-errors map, translated. */
export function translateFieldErrors<F extends Record<string, string[] | undefined>>(
  fieldErrors: F,
  t: ValidationTranslator,
): F {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.map((m) => translateMessage(m, t))]),
  ) as F;
}
