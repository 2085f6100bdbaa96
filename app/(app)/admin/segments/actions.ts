'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { createListItem, deleteListItem, renameListItem, setListItemActive } from '@/lib/admin/list-items';
import {
  createListItemSchema,
  listItemIdSchema,
  renameListItemSchema,
  setListItemActiveSchema,
} from '@/lib/validation/admin-lists';

const PATH = '/admin/segments';

export const createSegmentAction = guardedAction(
  { permission: 'administer', schema: createListItemSchema },
  async ({ name }, { user }) => {
    const created = await createListItem(user, 'segment', name);
    revalidatePath(PATH);
    return created;
  },
);

export const renameSegmentAction = guardedAction(
  { permission: 'administer', schema: renameListItemSchema },
  async ({ id, name }, { user }) => {
    await renameListItem(user, 'segment', id, name);
    revalidatePath(PATH);
    return undefined;
  },
);

export const setSegmentActiveAction = guardedAction(
  { permission: 'administer', schema: setListItemActiveSchema },
  async ({ id, active }, { user }) => {
    await setListItemActive(user, 'segment', id, active);
    revalidatePath(PATH);
    return undefined;
  },
);

export const deleteSegmentAction = guardedAction(
  { permission: 'administer', schema: listItemIdSchema },
  async ({ id }, { user }) => {
    await deleteListItem(user, 'segment', id);
    revalidatePath(PATH);
    return undefined;
  },
);
