'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/action';
import {
  createTouchpoint,
  deleteTouchpoint,
  setTouchpointActive,
  updateTouchpoint,
} from '@/lib/touchpoints/manage-touchpoints';
import { restateOpportunities } from '@/lib/touchpoints/restate-opportunities';
import {
  restateOpportunitiesSchema,
  setTouchpointActiveSchema,
  touchpointFieldsSchema,
  touchpointIdSchema,
  updateTouchpointSchema,
} from '@/lib/validation/touchpoints';

export const createTouchpointAction = guardedAction(
  { permission: 'administer', schema: touchpointFieldsSchema },
  async (input, { user }) => {
    const created = await createTouchpoint(user, input);
    revalidatePath('/admin/touchpoints');
    return created;
  },
);

export const updateTouchpointAction = guardedAction(
  { permission: 'administer', schema: updateTouchpointSchema },
  async ({ touchpointId, ...fields }, { user }) => {
    await updateTouchpoint(user, touchpointId, fields);
    revalidatePath('/admin/touchpoints');
    return undefined;
  },
);

export const setTouchpointActiveAction = guardedAction(
  { permission: 'administer', schema: setTouchpointActiveSchema },
  async ({ touchpointId, active }, { user }) => {
    await setTouchpointActive(user, touchpointId, active);
    revalidatePath('/admin/touchpoints');
    return undefined;
  },
);

export const deleteTouchpointAction = guardedAction(
  { permission: 'administer', schema: touchpointIdSchema },
  async ({ touchpointId }, { user }) => {
    await deleteTouchpoint(user, touchpointId);
    revalidatePath('/admin/touchpoints');
    return undefined;
  },
);

export const restateOpportunitiesAction = guardedAction(
  { permission: 'administer', schema: restateOpportunitiesSchema },
  async ({ touchpointId, opportunities }, { user }) => {
    const result = await restateOpportunities(user, touchpointId, opportunities);
    revalidatePath('/admin/touchpoints');
    revalidatePath('/dashboard');
    return result;
  },
);
