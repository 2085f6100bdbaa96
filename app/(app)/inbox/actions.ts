'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { assignCommentSchema, raiseFromCommentSchema, setCommentHandledSchema } from '@/lib/validation/inbox';
import { assignComment, openCaseFromComment, raiseDefectFromComment, setCommentHandled } from '@/lib/voice/inbox';

// The feedback inbox is the managers' (docs/roles.md); lib/voice/inbox checks the role again and
// loads the comment from the database.

export const setCommentHandledAction = guardedAction(
  { permission: 'triageDefects', schema: setCommentHandledSchema },
  async (input, { user }) => {
    const result = await setCommentHandled(user, input);
    revalidatePath('/inbox');
    return result;
  },
);

export const assignCommentAction = guardedAction(
  { permission: 'triageDefects', schema: assignCommentSchema },
  async (input, { user }) => {
    const result = await assignComment(user, input);
    revalidatePath('/inbox');
    return result;
  },
);

export const raiseDefectFromCommentAction = guardedAction(
  { permission: 'triageDefects', schema: raiseFromCommentSchema },
  async (input, { user }) => {
    const result = await raiseDefectFromComment(user, input);
    revalidatePath('/inbox');
    revalidatePath('/defects', 'layout');
    return result;
  },
);

export const openCaseFromCommentAction = guardedAction(
  { permission: 'triageDefects', schema: raiseFromCommentSchema },
  async (input, { user }) => {
    const result = await openCaseFromComment(user, input);
    revalidatePath('/inbox');
    revalidatePath('/defects', 'layout');
    revalidatePath('/cases', 'layout');
    return result;
  },
);
