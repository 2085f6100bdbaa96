import { z } from 'zod';

export const setUserActiveSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
