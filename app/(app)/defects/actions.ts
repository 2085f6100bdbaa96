'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import {
  bulkAssignDefects,
  bulkMoveDefects,
  commentOnDefect,
  createManualDefect,
  updateDefect,
} from '@/lib/defects/mutations';
import {
  bulkAssignSchema,
  bulkStatusSchema,
  defectCommentSchema,
  defectEditSchema,
  manualDefectSchema,
} from '@/lib/validation/defects';

// Everyone may work defects; which defect and which change is decided in lib/defects/mutations
// on the row loaded from the database (staff: only their own, and only their moves).

export const updateDefectAction = guardedAction(
  { permission: 'viewOwnWork', schema: defectEditSchema },
  async (input, { user }) => {
    const result = await updateDefect(user, input);
    revalidatePath('/defects', 'layout');
    revalidatePath('/my-work');
    return result;
  },
);

export const commentOnDefectAction = guardedAction(
  { permission: 'viewOwnWork', schema: defectCommentSchema },
  async (input, { user }) => {
    await commentOnDefect(user, input);
    revalidatePath(`/defects/${input.id}`);
    return undefined;
  },
);

export const bulkAssignDefectsAction = guardedAction(
  { permission: 'triageDefects', schema: bulkAssignSchema },
  async (input, { user }) => {
    const result = await bulkAssignDefects(user, input);
    revalidatePath('/defects', 'layout');
    return result;
  },
);

export const bulkMoveDefectsAction = guardedAction(
  { permission: 'triageDefects', schema: bulkStatusSchema },
  async (input, { user }) => {
    const result = await bulkMoveDefects(user, input);
    revalidatePath('/defects', 'layout');
    return result;
  },
);

export const createManualDefectAction = guardedAction(
  { permission: 'triageDefects', schema: manualDefectSchema },
  async (input, { user }) => {
    const result = await createManualDefect(user, input);
    revalidatePath('/defects', 'layout');
    return result;
  },
);
