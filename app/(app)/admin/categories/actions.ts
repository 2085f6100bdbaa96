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

const PATH = '/admin/categories';

export const createCategoryAction = guardedAction(
  { permission: 'administer', schema: createListItemSchema },
  async ({ name }, { user }) => {
    const created = await createListItem(user, 'category', name);
    revalidatePath(PATH);
    return created;
  },
);

export const renameCategoryAction = guardedAction(
  { permission: 'administer', schema: renameListItemSchema },
  async ({ id, name }, { user }) => {
    await renameListItem(user, 'category', id, name);
    revalidatePath(PATH);
    return undefined;
  },
);

export const setCategoryActiveAction = guardedAction(
  { permission: 'administer', schema: setListItemActiveSchema },
  async ({ id, active }, { user }) => {
    await setListItemActive(user, 'category', id, active);
    revalidatePath(PATH);
    return undefined;
  },
);

export const deleteCategoryAction = guardedAction(
  { permission: 'administer', schema: listItemIdSchema },
  async ({ id }, { user }) => {
    await deleteListItem(user, 'category', id);
    revalidatePath(PATH);
    return undefined;
  },
);
