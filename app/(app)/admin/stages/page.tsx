import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { NameForm } from '@/components/admin/name-form';
import { StageMoveButtons } from '@/components/admin/stage-move-buttons';
import { StageOwnerForm } from '@/components/admin/stage-owner-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listStagesWithUsage } from '@/lib/queries/admin';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { createStageAction, deleteStageAction, renameStageAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.stages');
  return { title: t('title') };
}

export default async function StagesPage() {
  await requirePermission('administer');
  const [stages, people] = await Promise.all([listStagesWithUsage(), listCaseOwnerOptions()]);
  const t = await getTranslations('admin.stages');
  const tc = await getTranslations('admin.common');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card aria-labelledby="stages-heading">
          <h2 id="stages-heading" className="mb-3 text-lg font-semibold">
            {t('inOrder')}
          </h2>
          {stages.length === 0 ? <p className="text-sm text-muted">{t('empty')}</p> : null}
          <ol className="flex flex-col">
            {stages.map((stage, index) => (
              <li
                key={stage.id}
                className="flex flex-col gap-3 border-t border-border py-3 first:border-t-0 sm:flex-row sm:items-start"
              >
                <StageMoveButtons
                  stageId={stage.id}
                  stageName={stage.name}
                  isFirst={index === 0}
                  isLast={index === stages.length - 1}
                />
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {t.rich('numbered', {
                      position: index + 1,
                      name: stage.name,
                      number: (chunks) => <span className="text-muted tabular-nums">{chunks}</span>,
                    })}
                  </p>
                  {stage.description ? <p className="text-sm text-muted">{stage.description}</p> : null}
                  <p className="text-xs text-muted">{t('touchpoints', { count: stage.touchpoints })}</p>
                  <div className="mt-2">
                    <StageOwnerForm
                      stageId={stage.id}
                      stageName={stage.name}
                      ownerId={stage.ownerId}
                      people={people.map((p) => ({ id: p.id, name: p.name }))}
                    />
                  </div>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-primary">
                      {tc('rename', { name: stage.name })}
                    </summary>
                    <div className="mt-2 max-w-md">
                      <NameForm
                        action={renameStageAction}
                        hidden={{ stageId: stage.id }}
                        idPrefix={`stage-${stage.id}`}
                        defaults={{ name: stage.name, description: stage.description }}
                        withDescription
                        submitLabel={tc('save')}
                        successMessage={tc('saved')}
                      />
                    </div>
                  </details>
                </div>
                <ActionButton
                  action={deleteStageAction}
                  input={{ stageId: stage.id }}
                  variant="secondary"
                  label={tc('deleteNamed', { name: stage.name })}
                  confirm={t('confirmDelete', { name: stage.name })}
                >
                  {tc('delete')}
                </ActionButton>
              </li>
            ))}
          </ol>
        </Card>
        <Card aria-labelledby="new-stage-heading" className="self-start">
          <h2 id="new-stage-heading" className="mb-3 text-lg font-semibold">
            {t('new')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t('newNote')}</p>
          <NameForm
            action={createStageAction}
            idPrefix="new-stage"
            withDescription
            submitLabel={t('add')}
            successMessage={t('added')}
            resetOnSuccess
          />
        </Card>
      </div>
    </>
  );
}
