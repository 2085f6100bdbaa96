'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { createStage, deleteStage, moveStage, renameStage, setStageOwner } from '@/lib/stages/manage-stages';
import {
  createStageSchema,
  moveStageSchema,
  renameStageSchema,
  stageIdSchema,
  stageOwnerSchema,
} from '@/lib/validation/stages';

function refresh() {
  revalidatePath('/admin/stages');
  revalidatePath('/admin/touchpoints');
}

export const createStageAction = guardedAction(
  { permission: 'administer', schema: createStageSchema },
  async (input, { user }) => {
    const created = await createStage(user, input);
    refresh();
    return created;
  },
);

export const renameStageAction = guardedAction(
  { permission: 'administer', schema: renameStageSchema },
  async ({ stageId, ...input }, { user }) => {
    await renameStage(user, stageId, input);
    refresh();
    return undefined;
  },
);

export const moveStageAction = guardedAction(
  { permission: 'administer', schema: moveStageSchema },
  async (input, { user }) => {
    await moveStage(user, input.stageId, input.direction);
    refresh();
    return undefined;
  },
);

export const deleteStageAction = guardedAction(
  { permission: 'administer', schema: stageIdSchema },
  async ({ stageId }, { user }) => {
    await deleteStage(user, stageId);
    refresh();
    return undefined;
  },
);

export const setStageOwnerAction = guardedAction(
  { permission: 'administer', schema: stageOwnerSchema },
  async ({ stageId, ownerId }, { user }) => {
    await setStageOwner(user, stageId, ownerId);
    refresh();
    return undefined;
  },
);
