import { z } from 'zod';
import { daySchema } from '@/lib/dates';

const single = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : Array.isArray(value) ? value[0] : value),
    item.optional(),
  );

/** The audit log's URL filters; from/to are UTC days, both inclusive. */
export const auditFiltersSchema = z.object({
  action: single(z.string().trim().max(80)),
  entity: single(z.string().trim().max(80)),
  /** Part of who acted: an email, or the email tried at a failed sign-in. */
  actor: single(z.string().trim().max(200)),
  from: single(daySchema),
  to: single(daySchema),
  page: single(z.coerce.number().int().min(1).max(100_000)).transform((page) => page ?? 1),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;
