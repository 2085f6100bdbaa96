'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import { saveLifecycleRules } from '@/lib/customers/lifecycle-settings';
import { lifecycleSettingsSchema } from '@/lib/validation/lifecycle';

export const saveLifecycleRulesAction = guardedAction(
  { permission: 'administer', schema: lifecycleSettingsSchema },
  async (input, { user }) => {
    await saveLifecycleRules(user, input);
    revalidatePath('/admin/lifecycle');
    return undefined;
  },
);
