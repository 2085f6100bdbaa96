'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { guardedAction } from '@/lib/action';
import { evaluateCaseNow, linkDefectsToCase, openCase, updateCase } from '@/lib/cases/mutations';
import { evaluateCases } from '@/lib/cases/nightly';
import { caseEditSchema, caseIdSchema, linkDefectsSchema, openCaseSchema } from '@/lib/validation/cases';

// Which case and which change is decided in lib/cases/mutations on the row loaded from the
// database: managers every case, staff only the cases they own.

const revalidateCases = () => {
  revalidatePath('/cases', 'layout');
  revalidatePath('/defects', 'layout');
  revalidatePath('/dashboard');
  revalidatePath('/my-work');
};

export const openCaseAction = guardedAction(
  { permission: 'triageDefects', schema: openCaseSchema },
  async (input, { user }) => {
    const result = await openCase(user, input);
    revalidateCases();
    return result;
  },
);

export const updateCaseAction = guardedAction(
  { permission: 'viewOwnWork', schema: caseEditSchema },
  async (input, { user }) => {
    const result = await updateCase(user, input);
    revalidateCases();
    return result;
  },
);

export const linkDefectsToCaseAction = guardedAction(
  { permission: 'triageDefects', schema: linkDefectsSchema },
  async (input, { user }) => {
    const result = await linkDefectsToCase(user, input);
    revalidateCases();
    return result;
  },
);

export const evaluateCaseAction = guardedAction(
  { permission: 'viewOwnWork', schema: caseIdSchema },
  async (input, { user }) => {
    const result = await evaluateCaseNow(user, input);
    revalidateCases();
    return result;
  },
);

/** "Evaluate charts now": what the nightly evaluation does, on a manager's demand. */
export const evaluateChartsAction = guardedAction({ permission: 'triageDefects', schema: z.object({}) }, async () => {
  const result = await evaluateCases({ db: await getDb(), now: new Date() });
  revalidateCases();
  return result;
});
