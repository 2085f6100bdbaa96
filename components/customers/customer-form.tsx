'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createCustomerAction, updateCustomerAction } from '@/app/(app)/customers/actions';
import { SelectField } from '@/components/ui/form-fields';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import { DuplicateWarning, type CustomerDetails } from './duplicate-warning';
import { LIFECYCLES, type Lifecycle } from '@/lib/enums';

const NEW_CUSTOMER_LIFECYCLE: Lifecycle = 'prospect';

export interface CustomerFormValues {
  id?: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  segmentId?: string | null;
  lifecycle?: string;
  ownerId?: string | null;
  externalRef?: string | null;
}

/** Creates or edits a customer; errors appear beside their fields and typed values stay. */
export function CustomerForm({
  customer,
  segments,
  owners,
}: {
  customer?: CustomerFormValues;
  segments: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}) {
  const router = useRouter();
  const t = useTranslations('customers.form');
  const tLifecycle = useTranslations('enums.lifecycle');
  const editing = Boolean(customer?.id);
  const {
    submit,
    pending,
    result,
    fieldErrors: errors,
  } = useAction<{ id: string }>(editing ? updateCustomerAction : createCustomerAction, {
    onSuccess: (saved) => {
      router.push(`/customers/${saved.id}`);
      router.refresh();
    },
  });
  const message = result && !result.ok ? result.message : undefined;
  const [details, setDetails] = useState<CustomerDetails>({});

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editing ? t('editLabel') : t('newLabel')}
      className="flex max-w-2xl flex-col gap-4"
      onChange={(event) => {
        const field = event.target as unknown as HTMLInputElement;
        if (!editing && (field.name === 'name' || field.name === 'email' || field.name === 'phone'))
          setDetails((previous) => ({ ...previous, [field.name]: field.value }));
      }}
    >
      {customer?.id ? <input type="hidden" name="id" value={customer.id} /> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          label={t('name')}
          name="name"
          required
          autoComplete="off"
          defaultValue={customer?.name}
          error={errors.name}
          className="sm:col-span-2"
        />
        <Field
          label={t('email')}
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={customer?.email ?? ''}
          error={errors.email}
        />
        <Field
          label={t('phone')}
          name="phone"
          type="tel"
          autoComplete="off"
          defaultValue={customer?.phone ?? ''}
          error={errors.phone}
        />
        <Field
          label={t('company')}
          name="company"
          autoComplete="off"
          defaultValue={customer?.company ?? ''}
          error={errors.company}
        />
        <Field
          label={t('externalRef')}
          name="externalRef"
          autoComplete="off"
          defaultValue={customer?.externalRef ?? ''}
          error={errors.externalRef}
          hint={t('externalRefHint')}
        />
        <SelectField
          label={t('segment')}
          name="segmentId"
          defaultValue={customer?.segmentId ?? ''}
          error={errors.segmentId}
        >
          <option value="">{t('noSegment')}</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('lifecycle')}
          name="lifecycle"
          defaultValue={customer?.lifecycle ?? NEW_CUSTOMER_LIFECYCLE}
          error={errors.lifecycle}
        >
          {LIFECYCLES.map((l) => (
            <option key={l} value={l}>
              {tLifecycle(l)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('owner')} name="ownerId" defaultValue={customer?.ownerId ?? ''} error={errors.ownerId}>
          <option value="">{t('nobody')}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      </div>
      {editing ? null : <DuplicateWarning details={details} confirmName="confirmDuplicate" />}
      <FormMessage message={message} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : editing ? t('save') : t('create')}
        </Button>
      </div>
    </form>
  );
}
