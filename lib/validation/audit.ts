import { z } from 'zod';

const single = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : Array.isArray(value) ? value[0] : value),
    item.optional(),
  );

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date like 2026-01-31.' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: 'That date does not exist.' });

/** The audit log's URL filters; from/to are UTC days, both inclusive. */
export const auditFiltersSchema = z.object({
  action: single(z.string().trim().max(80)),
  entity: single(z.string().trim().max(80)),
  /** Part of who acted: an email, or the email tried at a failed sign-in. */
  actor: single(z.string().trim().max(200)),
  from: single(day),
  to: single(day),
  page: single(z.coerce.number().int().min(1).max(100_000)).transform((page) => page ?? 1),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;
