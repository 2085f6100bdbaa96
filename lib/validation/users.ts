import { z } from 'zod';
import { ROLES } from '@/lib/enums';
import { nameField } from './form-values';

export const setUserActiveSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

const role = z.enum(ROLES, { error: 'Choose a role.' });

export const createUserSchema = z.object({
  name: nameField('Name', 120),
  email: z
    .string({ error: 'Enter a valid email address.' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, { error: 'That email address is too long.' })),
  role,
});

export const changeRoleSchema = z.object({ userId: z.uuid({ error: 'Unknown user.' }), role });

export const userIdSchema = z.object({ userId: z.uuid({ error: 'Unknown user.' }) });

export const MIN_PASSWORD_LENGTH = 12;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, { error: 'Enter your current password.' })
      .max(200),
    newPassword: z
      .string({ error: 'Choose a new password.' })
      .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
      .max(200, { error: 'Use at most 200 characters.' }),
    confirmPassword: z.string({ error: 'Type the new password again.' }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two new passwords differ.',
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ['newPassword'],
    error: 'Choose a password different from the current one.',
  });
