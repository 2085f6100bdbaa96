import { z } from 'zod';
import { msg } from './messages';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: msg('enterValidEmail') })),
  password: z
    .string()
    .min(1, { error: msg('enterPassword') })
    .max(200, { error: msg('passwordTooLong') }),
});
