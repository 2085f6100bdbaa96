import { z } from 'zod';
import { ROLES } from '@/lib/enums';
import { nameField } from './form-values';
import { msg } from './messages';

export const setUserActiveSchema = z.object({
  userId: z.uuid({ error: msg('unknownUser') }),
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

const role = z.enum(ROLES, { error: msg('chooseRole') });

export const createUserSchema = z.object({
  name: nameField(120),
  email: z
    .string({ error: msg('enterValidEmail') })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: msg('enterValidEmail') }).max(254, { error: msg('emailTooLong') })),
  role,
});

export const changeRoleSchema = z.object({ userId: z.uuid({ error: msg('unknownUser') }), role });

export const userIdSchema = z.object({ userId: z.uuid({ error: msg('unknownUser') }) });

export const MIN_PASSWORD_LENGTH = 12;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: msg('enterCurrentPassword') })
      .min(1, { error: msg('enterCurrentPassword') })
      .max(200),
    newPassword: z
      .string({ error: msg('chooseNewPassword') })
      .min(MIN_PASSWORD_LENGTH, { error: msg('passwordMin', { min: MIN_PASSWORD_LENGTH }) })
      .max(200, { error: msg('passwordMax', { max: 200 }) }),
    confirmPassword: z.string({ error: msg('typePasswordAgain') }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ['confirmPassword'],
    error: msg('passwordsDiffer'),
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ['newPassword'],
    error: msg('passwordSameAsCurrent'),
  });
