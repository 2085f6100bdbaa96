import type { Metadata } from 'next';
import { ActionButton } from '@/components/admin/action-button';
import { NameForm } from '@/components/admin/name-form';
import { StageMoveButtons } from '@/components/admin/stage-move-buttons';
import { StageOwnerForm } from '@/components/admin/stage-owner-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { formatInteger } from '@/lib/format';
import { listStagesWithUsage } from '@/lib/queries/admin';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { createStageAction, deleteStageAction, renameStageAction } from './actions';

export const metadata: Metadata = { title: 'Journey stages' };

export default async function StagesPage() {
  await requirePermission('administer');
  const [stages, people] = await Promise.all([listStagesWithUsage(), listCaseOwnerOptions()]);
  return (
    <>
      <PageHeader
        title="Journey stages"
        description="The customer journey, in order. Touchpoints belong to a stage; the dashboard follows this order. A signal on a stage’s control chart opens a case for the stage’s owner; each touchpoint has its own owner on its page."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card aria-labelledby="stages-heading">
          <h2 id="stages-heading" className="mb-3 text-lg font-semibold">
            Stages in journey order
          </h2>
          {stages.length === 0 ? <p className="text-sm text-muted">No stages yet.</p> : null}
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
                    <span className="text-muted tabular-nums">{index + 1}.</span> {stage.name}
                  </p>
                  {stage.description ? <p className="text-sm text-muted">{stage.description}</p> : null}
                  <p className="text-xs text-muted">
                    {stage.touchpoints === 1 ? '1 touchpoint' : `${formatInteger(stage.touchpoints)} touchpoints`}
                  </p>
                  <div className="mt-2">
                    <StageOwnerForm
                      stageId={stage.id}
                      stageName={stage.name}
                      ownerId={stage.ownerId}
                      people={people.map((p) => ({ id: p.id, name: p.name }))}
                    />
                  </div>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-primary">Rename {stage.name}</summary>
                    <div className="mt-2 max-w-md">
                      <NameForm
                        action={renameStageAction}
                        hidden={{ stageId: stage.id }}
                        idPrefix={`stage-${stage.id}`}
                        defaults={{ name: stage.name, description: stage.description }}
                        withDescription
                        submitLabel="Save"
                        successMessage="Saved."
                      />
                    </div>
                  </details>
                </div>
                <ActionButton
                  action={deleteStageAction}
                  input={{ stageId: stage.id }}
                  variant="secondary"
                  label={`Delete ${stage.name}`}
                  confirm={`Delete the stage “${stage.name}”?`}
                >
                  Delete
                </ActionButton>
              </li>
            ))}
          </ol>
        </Card>
        <Card aria-labelledby="new-stage-heading" className="self-start">
          <h2 id="new-stage-heading" className="mb-3 text-lg font-semibold">
            New stage
          </h2>
          <p className="mb-3 text-sm text-muted">It is added at the end; move it into place afterwards.</p>
          <NameForm
            action={createStageAction}
            idPrefix="new-stage"
            withDescription
            submitLabel="Add stage"
            successMessage="Stage added."
            resetOnSuccess
          />
        </Card>
      </div>
    </>
  );
}
