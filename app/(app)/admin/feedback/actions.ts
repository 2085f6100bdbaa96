'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { changeFeedbackLink, setFeedbackQuestion } from '@/lib/feedback/feedback-links';
import { feedbackLinkSchema, feedbackQuestionSchema } from '@/lib/validation/feedback';

export const enableFeedbackLinkAction = guardedAction(
  { permission: 'administer', schema: feedbackLinkSchema },
  async (input, { user }) => {
    await changeFeedbackLink(user, { touchpointId: input.touchpointId, change: 'enable' });
    revalidatePath('/admin/feedback');
    return undefined;
  },
);

export const rotateFeedbackLinkAction = guardedAction(
  { permission: 'administer', schema: feedbackLinkSchema },
  async (input, { user }) => {
    await changeFeedbackLink(user, { touchpointId: input.touchpointId, change: 'rotate' });
    revalidatePath('/admin/feedback');
    return undefined;
  },
);

export const disableFeedbackLinkAction = guardedAction(
  { permission: 'administer', schema: feedbackLinkSchema },
  async (input, { user }) => {
    await changeFeedbackLink(user, { touchpointId: input.touchpointId, change: 'disable' });
    revalidatePath('/admin/feedback');
    return undefined;
  },
);

export const setFeedbackQuestionAction = guardedAction(
  { permission: 'administer', schema: feedbackQuestionSchema },
  async (input, { user }) => {
    await setFeedbackQuestion(user, input);
    revalidatePath('/admin/feedback');
    return undefined;
  },
);
