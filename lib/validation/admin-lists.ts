import { z } from 'zod';
import { nameField } from './form-values';
import { msg } from './messages';

// Defect categories and customer segments share one shape: a name and an active flag.
export const LIST_KINDS = ['category', 'segment'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const createListItemSchema = z.object({ name: nameField(80) });

export const renameListItemSchema = createListItemSchema.extend({ id: z.uuid({ error: msg('unknownItem') }) });

export const listItemIdSchema = z.object({ id: z.uuid({ error: msg('unknownItem') }) });

export const setListItemActiveSchema = listItemIdSchema.extend({
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
