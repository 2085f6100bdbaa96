import { z } from 'zod';
import { API_SCOPES } from '@/lib/auth/api-scopes';
import { nameField } from './form-values';
import { msg } from './messages';

export const API_SCOPE_LABELS: Record<(typeof API_SCOPES)[number], string> = {
  'interactions:write': 'Record interactions',
  'metrics:read': 'Read metrics and touchpoints (no customer details)',
  'export:read': 'Download CSV exports, customers’ emails and phones included',
};

export const createApiKeySchema = z.object({
  name: nameField(80),
  // A form sends one value or several under the same name; a caller may send an array.
  scopes: z.preprocess(
    (value) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.enum(API_SCOPES, { error: msg('unknownScope') }))
      .min(1, { error: msg('chooseAtLeastOneScope') })
      .transform((scopes) => [...new Set(scopes)].sort()),
  ),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ keyId: z.uuid({ error: msg('unknownApiKey') }) });
