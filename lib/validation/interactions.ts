import { z } from 'zod';
import { customerInputSchema } from './customers';
import { checkbox } from './form-values';
import { OUTCOMES } from '@/lib/enums';
import { pastInstantSchema } from '@/lib/dates';
import { MAX_MONEY } from './form-values';
import { msg, type ValidationField } from './messages';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** An optional whole-number score on a scale; blank means "not asked". */
const score = (min: number, max: number, field: ValidationField) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: msg('mustBeNumber', { field }) })
      .int({ error: msg('mustBeWholeNumber', { field }) })
      .min(min, { error: msg('mustBeBetween', { field, min, max }) })
      .max(max, { error: msg('mustBeBetween', { field, min, max }) })
      .optional(),
  );

/**
 * One interaction as a form, the API, an import or the feedback page sends it. The id may be
 * chosen by the client so that a retry stores nothing twice.
 */
export const interactionInputSchema = z.object({
  id: z.preprocess(blankToUndefined, z.uuid({ error: msg('idMustBeUuid') }).optional()),
  customerId: z.preprocess(blankToUndefined, z.uuid({ error: msg('chooseCustomerFromList') }).optional()),
  touchpointId: z.uuid({ error: msg('chooseTouchpoint') }),
  occurredAt: pastInstantSchema,
  outcome: z.preprocess(blankToUndefined, z.enum(OUTCOMES, { error: msg('chooseValidOutcome') }).default('none')),
  saleValue: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: msg('saleValueNumber') })
      .finite({ error: msg('saleValueNumber') })
      .min(0, { error: msg('saleValueNegative') })
      .max(MAX_MONEY, { error: msg('saleValueMax', { max: MAX_MONEY }) })
      .optional(),
  ),
  expectation: score(1, 5, 'expectation'),
  experience: score(1, 5, 'experience'),
  csat: score(1, 5, 'csat'),
  nps: score(0, 10, 'nps'),
  effort: score(1, 7, 'effort'),
  notes: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(5_000, { error: msg('notesMax', { max: 5_000 }) })
      .optional(),
  ),
});

export type InteractionInput = z.output<typeof interactionInputSchema>;

// Where each of the new customer's fields shows its error on the log screen.
const NEW_CUSTOMER_FIELDS = {
  name: 'newCustomerName',
  email: 'newCustomerEmail',
  company: 'newCustomerCompany',
  phone: 'newCustomerPhone',
} as const;

/**
 * The log screen's form: an interaction whose id the browser chose, for an existing customer,
 * a customer created on the spot (whose id the browser also chose), or nobody. The new customer
 * is validated here, once, as every customer is (customerInputSchema).
 */
export const logInteractionSchema = interactionInputSchema
  .extend({
    id: z.uuid({ error: msg('formLostId') }),
    customerMode: z.preprocess(blankToUndefined, z.enum(['existing', 'new', 'none']).default('existing')),
    newCustomerId: z.preprocess(blankToUndefined, z.uuid().optional()),
    newCustomerName: z.preprocess(blankToUndefined, z.string().optional()),
    newCustomerEmail: z.preprocess(blankToUndefined, z.string().optional()),
    newCustomerCompany: z.preprocess(blankToUndefined, z.string().optional()),
    newCustomerPhone: z.preprocess(blankToUndefined, z.string().optional()),
    /** Ticked once the person has seen the matching customers and says this is someone else. */
    newCustomerConfirmed: checkbox,
  })
  // Said beside the customer field in the same answer as the other fields' errors, not in a second
  // round once they are fixed: `when` runs it even when another field failed.
  .superRefine(
    (form, ctx) => {
      if ((form.customerMode ?? 'existing') === 'existing' && form.customerId === undefined)
        ctx.addIssue({ code: 'custom', path: ['customerId'], message: msg('chooseCustomerOrNone') });
    },
    { when: () => true },
  )
  .transform((form, ctx) => {
    const {
      customerMode,
      newCustomerId,
      newCustomerName,
      newCustomerEmail,
      newCustomerCompany,
      newCustomerPhone,
      newCustomerConfirmed,
      ...interaction
    } = form;
    if (customerMode !== 'new') {
      return {
        interaction: { ...interaction, customerId: customerMode === 'existing' ? interaction.customerId : undefined },
        newCustomer: undefined,
      };
    }
    const parsed = customerInputSchema.safeParse({
      id: newCustomerId,
      name: newCustomerName ?? '',
      email: newCustomerEmail,
      company: newCustomerCompany,
      phone: newCustomerPhone,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = NEW_CUSTOMER_FIELDS[issue.path[0] as keyof typeof NEW_CUSTOMER_FIELDS] ?? 'newCustomerName';
        ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
      }
      return z.NEVER;
    }
    return {
      interaction: { ...interaction, customerId: undefined },
      newCustomer: { customer: parsed.data, confirmed: newCustomerConfirmed },
    };
  });

export type LogInteractionInput = z.output<typeof logInteractionSchema>;

/** An edit keeps the interaction's id and source; the rest is the same as logging. */
export const updateInteractionSchema = interactionInputSchema.extend({
  id: z.uuid({ error: msg('unknownInteraction') }),
});

export const deleteInteractionSchema = z.object({ id: z.uuid({ error: msg('unknownInteraction') }) });

export const INTERACTION_SORTS = ['occurred', 'touchpoint', 'customer', 'outcome', 'saleValue', 'defects'] as const;

/** The interactions list's own URL parameters, on top of the shared filters. */
export const interactionListExtrasSchema = z.object({
  sort: z.enum(INTERACTION_SORTS).catch('occurred'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type InteractionListExtras = z.output<typeof interactionListExtrasSchema>;
