'use server';

import { guardedAction } from '@/lib/action';
import { setOwnLanguage } from '@/lib/users/set-language';
import { setLanguageSchema } from '@/lib/validation/account';

// Every role chooses its own language; viewOwnWork is the permission every role holds.
// No message: the form reloads the page, which then speaks the language just chosen.
export const setLanguageAction = guardedAction(
  { permission: 'viewOwnWork', schema: setLanguageSchema },
  async (input, { user }) => {
    await setOwnLanguage(user, input.language);
    return { language: input.language };
  },
);
