// Plain constants, safe to import into the public page's client code without pulling in zod.
export const FEEDBACK_COMMENT_MAX = 2_000;
export const FEEDBACK_QUESTION_MAX = 200;
/** The honeypot's field name: invisible to people, tempting to form-filling bots. */
export const HONEYPOT_FIELD = 'website';
