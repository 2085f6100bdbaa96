import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  companySettings,
  jobRunnerLeases,
  mailMessages,
  notificationPreferences,
  notifications,
  users,
  type User,
} from '@/db/schema';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { resetUserPasswordAction } from '@/app/(app)/admin/users/actions';
import { WEEKLY_DIGEST } from '@/lib/digest/weekly-digest-job';
import { lastWeek } from '@/lib/digest/weekly-digest';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { useMailConfigForTests } from '@/lib/mail/config';
import { readUnsubscribeToken, unsubscribeToken } from '@/lib/mail/unsubscribe-token';
import { turnOffEmail } from '@/lib/notifications/preferences';
import { interactionInputSchema } from '@/lib/validation/interactions';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { createDefectFixture, defectVersion, testRunner } from './notify-fixtures';

let admin: User;
let manager: User;
let quietManager: User;
let staff: User;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  useMailConfigForTests({ smtpUrl: smtp.url, from: 'OutsideIn <cx@example.test>' });
  admin = await createUser({ role: 'admin' });
  manager = await createUser({ role: 'manager' });
  quietManager = await createUser({ role: 'manager' });
  staff = await createUser({ role: 'staff' });
});

afterAll(async () => {
  useMailConfigForTests(undefined);
  await smtp.close();
});

beforeEach(async () => {
  smtp.messages.length = 0;
  const db = await getDb();
  await db.delete(jobRunnerLeases);
});

const to = (user: User) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === user.email);

describe('mail through a real SMTP server', () => {
  it('sends the assignment mail, in HTML and plain text, with a working unsubscribe link', async () => {
    const { defect } = await createDefectFixture();
    signInAs(manager.id);
    const result = await updateDefectAction({
      id: defect.id,
      version: await defectVersion(defect.id),
      ownerId: staff.id,
    });
    expect(result.ok).toBe(true);
    await testRunner().drain();

    const [mail] = to(staff);
    expect(mail, 'the staff member got the mail').toBeDefined();
    expect(mail!.subject).toBe(`Defect assigned to you: ${defect.title}`);
    expect(mail!.from?.value[0]).toMatchObject({ name: 'OutsideIn', address: 'cx@example.test' });
    expect(mail!.text).toContain(`/defects/${defect.id}`);
    expect(mail!.html).toContain('<table');
    expect(mail!.html).toContain(`/defects/${defect.id}`);
    const unsubscribe = /Unsubscribe: (\S+)/.exec(mail!.text ?? '')?.[1];
    expect(unsubscribe).toMatch(/\/unsubscribe\//);
    const header = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line ?? '';
    expect(header('list-unsubscribe')).toMatch(/<http:\/\/[^>]+\/api\/unsubscribe\/[^>]+>/);
    expect(header('list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click');

    const db = await getDb();
    const [stored] = await db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.userId, staff.id), eq(mailMessages.kind, 'defect.assigned')));
    expect(stored).toMatchObject({ status: 'sent' });

    // The link's token names this user and kind; following it turns that mail off.
    const token = unsubscribe!.split('/unsubscribe/')[1]!;
    expect(readUnsubscribeToken(token)).toEqual({ userId: staff.id, type: 'defect.assigned' });
    expect(readUnsubscribeToken(`${token.split('.')[0]}.forged`)).toBeNull();
    expect(readUnsubscribeToken(unsubscribeToken(randomUUID(), 'digest.weekly').replace(/^./, 'x'))).toBeNull();
    await turnOffEmail(staff.id, 'defect.assigned');

    const next = await createDefectFixture();
    signInAs(manager.id);
    await updateDefectAction({ id: next.defect.id, version: await defectVersion(next.defect.id), ownerId: staff.id });
    smtp.messages.length = 0;
    await testRunner().drain();
    expect(to(staff)).toHaveLength(0);
  });

  it('writes to a German reader in German (Sie), and keeps the facts so the list follows their language', async () => {
    const db = await getDb();
    const german = await createUser({ role: 'staff' });
    await db.update(users).set({ language: 'de' }).where(eq(users.id, german.id));
    // The footer names the company, as its settings name it.
    await db.update(companySettings).set({ name: 'Brightwell Interiors' }).where(eq(companySettings.id, 1));
    const { defect } = await createDefectFixture();
    signInAs(manager.id);
    const result = await updateDefectAction({
      id: defect.id,
      version: await defectVersion(defect.id),
      ownerId: german.id,
    });
    expect(result.ok).toBe(true);
    await testRunner().drain();

    const [mail] = to(german);
    expect(mail, 'the German reader got the mail').toBeDefined();
    expect(mail!.subject).toBe(`Ihnen zugewiesener Fehler: ${defect.title}`);
    expect(mail!.html).toContain('<html lang="de">');
    expect(mail!.text).toContain('Ihnen wurde ein Fehler zugewiesen');
    expect(mail!.text).toContain(`${manager.name} hat Ihnen „${defect.title}“ zugewiesen.`);
    expect(mail!.text).toContain('Sie erhalten diese E-Mail von Brightwell Interiors, weil für Ihr Konto');
    expect(mail!.html).toContain('Brightwell Interiors</td>');
    await db.update(companySettings).set({ name: 'OutsideIn' }).where(eq(companySettings.id, 1));
    expect(mail!.text).toMatch(/Abbestellen: \S+\/unsubscribe\//);
    expect(mail!.text).not.toContain('Unsubscribe');

    // The in-app row: its text in German, and the facts it was written from for any later language.
    const [row] = await db.select().from(notifications).where(eq(notifications.userId, german.id));
    expect(row!.title).toBe(`Ihnen zugewiesen: ${defect.title}`);
    expect(row!.params).toMatchObject({ title: defect.title, actor: manager.name, actorKind: 'user' });
  });

  it('tells a user their password was reset, never what it is', async () => {
    signInAs(admin.id);
    const result = await resetUserPasswordAction({ userId: manager.id });
    expect(result.ok).toBe(true);
    await testRunner().drain();
    const [mail] = to(manager);
    expect(mail!.subject).toBe('Your OutsideIn password was reset');
    if (result.ok) expect(mail!.text).not.toContain((result.data as { oneTimePassword: string }).oneTimePassword);
  });

  it('sends the weekly digest to each manager who wants it, with last week against the week before', async () => {
    const db = await getDb();
    await db
      .insert(notificationPreferences)
      .values({ userId: quietManager.id, type: 'digest.weekly', inApp: false, email: false });
    const { till } = await createDefectFixture();
    const { from } = lastWeek(new Date());
    const day = (offset: number) => new Date(Date.parse(`${from}T12:00:00Z`) + offset * 86_400_000);
    await db.transaction((tx) =>
      recordInteractions(
        tx,
        [
          ...[0, 1, 2].map((d) => ({
            touchpointId: till.id,
            outcome: 'sale_lost',
            saleValue: '100',
            occurredAt: day(d),
          })),
          ...[0, 1].map((d) => ({
            touchpointId: till.id,
            outcome: 'sale_won',
            saleValue: '50',
            nps: 10,
            occurredAt: day(d),
          })),
          { touchpointId: till.id, outcome: 'sale_lost', saleValue: '100', occurredAt: day(-3) },
        ].map((i) => interactionInputSchema.parse({ id: randomUUID(), ...i })),
        { source: 'staff', loggedById: staff.id },
      ),
    );
    await db.transaction((tx) => enqueueJob(tx, WEEKLY_DIGEST, {}));
    await testRunner().drain();

    const [digest] = to(manager);
    expect(digest, 'the manager got the digest').toBeDefined();
    expect(digest!.subject).toMatch(
      /^OutsideIn weekly digest, \d{1,2} [A-Z][a-z]{2} \d{4} to \d{1,2} [A-Z][a-z]{2} \d{4}$/,
    );
    expect(digest!.text).toContain('KEY FIGURES');
    expect(digest!.text).toMatch(/- Interactions · This week: \d+ · Week before: \d+/);
    expect(digest!.text).toContain('PARETO MOVERS');
    expect(digest!.text).toContain('OVERDUE BACKLOG');
    expect(digest!.text).toContain(`/dashboard?from=${from}`);
    expect(digest!.text).toContain('/defects?overdue=1');
    expect(digest!.html).toContain('Pareto movers');
    expect(to(admin)).toHaveLength(1);
    expect(to(quietManager)).toHaveLength(0);
    expect(to(staff)).toHaveLength(0);
  });
});
