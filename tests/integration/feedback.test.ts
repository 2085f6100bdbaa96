import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { msg } from '@/lib/validation/messages';
import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import {
  auditEvents,
  customers,
  defects,
  feedbackRateHits,
  interactions,
  journeyStages,
  touchpoints,
  type Touchpoint,
} from '@/db/schema';
import {
  disableFeedbackLinkAction,
  enableFeedbackLinkAction,
  rotateFeedbackLinkAction,
  setFeedbackQuestionAction,
} from '@/app/(app)/admin/feedback/actions';
import { GET as getQr } from '@/app/(app)/admin/feedback/[touchpointId]/qr/route';
import { createPersonalFeedbackLinkAction } from '@/app/(app)/customers/actions';
import { settleFeedbackMatchAction } from '@/app/(app)/interactions/actions';
import { submitFeedbackAction } from '@/app/f/[token]/actions';
import { signCustomerToken } from '@/lib/feedback/customer-token';
import { getCustomerTimeline } from '@/lib/queries/customers';
import { qrSvg } from '@/lib/feedback/qr';
import { FEEDBACK_WINDOW_MINUTES, MAX_FEEDBACK_PER_ADDRESS } from '@/lib/feedback/rate-limit';
import { submitFeedback } from '@/lib/feedback/submit-feedback';
import { findPublicFeedbackTouchpoint } from '@/lib/queries/feedback';
import { FEEDBACK_COMMENT_MAX } from '@/lib/feedback/limits';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';

// The address hash is keyed by the auth secret; tests must not write one into the data folder.
vi.mock('@/lib/auth/secret', () => ({ getAuthSecret: () => 'test-only-feedback-secret' }));
// The public action and the personal-link action read the request's headers.
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'feedback.example.test' }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

let stage: { id: string };
let admin: { id: string };

async function newTouchpoint(values: Partial<Touchpoint> = {}): Promise<Touchpoint> {
  const db = await getDb();
  const [row] = await db
    .insert(touchpoints)
    .values({ name: `Till ${randomUUID().slice(0, 8)}`, stageId: stage.id, channel: 'in_person', ...values })
    .returning();
  return row!;
}

async function tokenOf(id: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ token: touchpoints.feedbackToken }).from(touchpoints).where(eq(touchpoints.id, id));
  return row?.token ?? null;
}

/** A touchpoint whose link an admin has switched on, and its token. */
async function liveLink(values: Partial<Touchpoint> = {}) {
  const touchpoint = await newTouchpoint(values);
  signInAs(admin.id);
  expect(await enableFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: true });
  signInAs(null);
  return { touchpoint, token: (await tokenOf(touchpoint.id))! };
}

async function feedbackOf(touchpointId: string) {
  const db = await getDb();
  return db.select().from(interactions).where(eq(interactions.touchpointId, touchpointId));
}

async function countRows(table: typeof customers | typeof interactions) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;

beforeAll(async () => {
  const db = await getDb();
  const [row] = await db
    .insert(journeyStages)
    .values({ name: 'Purchase', position: 0 })
    .returning({ id: journeyStages.id });
  stage = row!;
  admin = await createUser({ role: 'admin' });
});

beforeEach(() => signInAs(null));

describe('feedback links (admin)', () => {
  it('turns a link on with an unguessable token, and audits it without the token', async () => {
    const touchpoint = await newTouchpoint();
    signInAs(admin.id);
    expect(await enableFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: true });
    const token = await tokenOf(touchpoint.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await findPublicFeedbackTouchpoint({ token: token! })).toEqual({
      id: touchpoint.id,
      name: touchpoint.name,
      question: null,
    });

    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, touchpoint.id), eq(auditEvents.action, 'feedback_link.enabled')));
    expect(event).toMatchObject({
      actorId: admin.id,
      before: { enabled: false, hasLink: false },
      after: { enabled: true, hasLink: true },
    });
    expect(JSON.stringify(event)).not.toContain(token!);
  });

  it('gives every touchpoint its own token', async () => {
    const a = await liveLink();
    const b = await liveLink();
    expect(a.token).not.toBe(b.token);
  });

  it('refuses staff and managers, and changes nothing', async () => {
    const touchpoint = await newTouchpoint();
    for (const role of ['staff', 'manager'] as const) {
      signInAs((await createUser({ role })).id);
      expect(await enableFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: false, status: 403 });
      expect(await setFeedbackQuestionAction({ touchpointId: touchpoint.id, question: 'Hacked?' })).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    signInAs(null);
    expect(await enableFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: false, status: 401 });
    expect(await tokenOf(touchpoint.id)).toBeNull();
  });

  it('rotation: the old link stops working at once, the new one works', async () => {
    const { touchpoint, token: old } = await liveLink();
    signInAs(admin.id);
    expect(await rotateFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: true });
    const fresh = (await tokenOf(touchpoint.id))!;
    expect(fresh).not.toBe(old);
    expect(await findPublicFeedbackTouchpoint({ token: old })).toBeNull();
    expect(await submitFeedback({ token: old, form: { csat: '5' }, address: freshAddress() })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
    expect(await submitFeedback({ token: fresh, form: { csat: '5' }, address: freshAddress() })).toEqual({ ok: true });
    expect(await feedbackOf(touchpoint.id)).toHaveLength(1);
    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, touchpoint.id), eq(auditEvents.action, 'feedback_link.rotated')));
    expect(event?.actorId).toBe(admin.id);
  });

  it('disable: the link gives not-found and stores nothing; turning it on again revives the same link', async () => {
    const { touchpoint, token } = await liveLink();
    signInAs(admin.id);
    expect(await disableFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: true });
    expect(await findPublicFeedbackTouchpoint({ token })).toBeNull();
    expect(await submitFeedback({ token, form: { csat: '1' }, address: freshAddress() })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
    expect(await feedbackOf(touchpoint.id)).toHaveLength(0);

    expect(await enableFeedbackLinkAction({ touchpointId: touchpoint.id })).toMatchObject({ ok: true });
    expect(await tokenOf(touchpoint.id)).toBe(token);
    expect(await findPublicFeedbackTouchpoint({ token })).not.toBeNull();
  });

  it('a touchpoint taken out of use closes its link, and cannot be given one', async () => {
    const { touchpoint, token } = await liveLink();
    const db = await getDb();
    await db.update(touchpoints).set({ active: false }).where(eq(touchpoints.id, touchpoint.id));
    expect(await findPublicFeedbackTouchpoint({ token })).toBeNull();
    expect(await submitFeedback({ token, form: { csat: '4' }, address: freshAddress() })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
    const retired = await newTouchpoint({ active: false });
    signInAs(admin.id);
    expect(await enableFeedbackLinkAction({ touchpointId: retired.id })).toMatchObject({ ok: false, status: 409 });
  });

  it('sets, validates and clears the optional question', async () => {
    const { touchpoint, token } = await liveLink();
    signInAs(admin.id);
    expect(
      await setFeedbackQuestionAction({
        touchpointId: touchpoint.id,
        question: '  What could we do better at the till?  ',
      }),
    ).toMatchObject({ ok: true });
    expect(await findPublicFeedbackTouchpoint({ token })).toEqual({
      id: touchpoint.id,
      name: touchpoint.name,
      question: 'What could we do better at the till?',
    });
    const tooLong = await setFeedbackQuestionAction({ touchpointId: touchpoint.id, question: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({ ok: false, status: 422 });
    if (!tooLong.ok) expect(tooLong.fieldErrors?.question).toBeDefined();
    expect(await setFeedbackQuestionAction({ touchpointId: touchpoint.id, question: '' })).toMatchObject({ ok: true });
    expect(await findPublicFeedbackTouchpoint({ token })).toEqual({
      id: touchpoint.id,
      name: touchpoint.name,
      question: null,
    });
  });

  it('answers not-found to malformed and unknown tokens', async () => {
    expect(await findPublicFeedbackTouchpoint({ token: "' or 1=1 --" })).toBeNull();
    expect(await findPublicFeedbackTouchpoint({ token: 'A'.repeat(43) })).toBeNull();
    expect(await submitFeedback({ token: 'short', form: { csat: '5' }, address: freshAddress() })).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
  });
});

describe('submitting feedback', () => {
  it('stores a feedback interaction with its auto defects, anonymous, logged by nobody', async () => {
    const { touchpoint, token } = await liveLink();
    const id = randomUUID();
    const result = await submitFeedback({
      token,
      form: {
        id,
        expectation: '5',
        experience: '2',
        csat: '2',
        nps: '3',
        effort: '2',
        comment: '  <script>alert(1)</script> slow queue  ',
        email: '',
      },
      address: freshAddress(),
    });
    expect(result).toEqual({ ok: true });
    const [row] = await feedbackOf(touchpoint.id);
    expect(row).toMatchObject({
      id,
      source: 'feedback',
      loggedById: null,
      customerId: null,
      outcome: 'none',
      expectation: 5,
      experience: 2,
      csat: 2,
      nps: 3,
      effort: 2,
      notes: '<script>alert(1)</script> slow queue',
      openDefectCount: 2,
    });
    const db = await getDb();
    const raised = await db.select().from(defects).where(eq(defects.interactionId, id));
    expect(raised.map((d) => d.autoRule).sort()).toEqual(['below_expectation', 'low_csat']);
    expect(raised.every((d) => d.customerId === null && d.touchpointId === touchpoint.id)).toBe(true);
  });

  it('stores a double-submitted form once', async () => {
    const { touchpoint, token } = await liveLink();
    const id = randomUUID();
    const address = freshAddress();
    await submitFeedback({ token, form: { id, csat: '1' }, address });
    expect(await submitFeedback({ token, form: { id, csat: '1' }, address })).toEqual({ ok: true });
    expect(await feedbackOf(touchpoint.id)).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(defects).where(eq(defects.interactionId, id))).toHaveLength(1);
  });

  it('keeps a typed email as given and only suggests the customer it matches, whatever its case', async () => {
    const { touchpoint, token } = await liveLink();
    const db = await getDb();
    const [customer] = await db
      .insert(customers)
      .values({ name: 'Ada Byron', email: 'Ada.Byron@Example.test' })
      .returning();
    const customersBefore = await countRows(customers);

    const known = await submitFeedback({
      token,
      form: { csat: '5', email: ' ada.byron@EXAMPLE.test ' },
      address: freshAddress(),
    });
    const unknown = await submitFeedback({
      token,
      form: { csat: '5', email: 'nobody@example.test' },
      address: freshAddress(),
    });
    // The visitor learns nothing about which emails are on file.
    expect(known).toEqual(unknown);

    const rows = await feedbackOf(touchpoint.id);
    // Neither answer belongs to anyone: a typed email proves nothing.
    expect(rows.map((r) => r.customerId)).toEqual([null, null]);
    const matched = rows.find((r) => r.contactEmail === 'ada.byron@EXAMPLE.test');
    expect(matched).toMatchObject({ customerMatch: 'unverified', suggestedCustomerId: customer!.id });
    expect(rows.find((r) => r.contactEmail === 'nobody@example.test')).toMatchObject({
      customerMatch: null,
      suggestedCustomerId: null,
    });
    expect(await countRows(customers)).toBe(customersBefore);
  });

  it('keeps the defects of unverified feedback off the matched customer', async () => {
    const { touchpoint, token } = await liveLink();
    const db = await getDb();
    const [customer] = await db.insert(customers).values({ name: 'Grace H', email: 'grace@example.test' }).returning();
    await submitFeedback({ token, form: { csat: '1', email: 'GRACE@example.test' }, address: freshAddress() });
    const [defect] = await db.select().from(defects).where(eq(defects.touchpointId, touchpoint.id));
    expect(defect).toBeDefined();
    expect(defect?.customerId).toBeNull();
    const [onCustomer] = await db.select({ n: count() }).from(defects).where(eq(defects.customerId, customer!.id));
    expect(onCustomer?.n).toBe(0);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const { touchpoint, token } = await liveLink();
    const before = await countRows(interactions);
    expect(
      await submitFeedback({
        token,
        form: { csat: '1', comment: 'buy pills', website: 'http://spam.example' },
        address: freshAddress(),
      }),
    ).toEqual({ ok: true });
    expect(await feedbackOf(touchpoint.id)).toHaveLength(0);
    expect(await countRows(interactions)).toBe(before);
  });

  it.each([
    [{ csat: '6' }, 'csat'],
    [{ csat: 'great' }, 'csat'],
    [{ nps: '11' }, 'nps'],
    [{ effort: '0' }, 'effort'],
    [{ expectation: '2.5' }, 'expectation'],
    [{ csat: '4', email: 'not-an-email' }, 'email'],
    [{ comment: 'x'.repeat(FEEDBACK_COMMENT_MAX + 1) }, 'comment'],
  ])('refuses %#: %s with an error on %s, and stores nothing', async (form, field) => {
    const { touchpoint, token } = await liveLink();
    const result = await submitFeedback({ token, form, address: freshAddress() });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (!result.ok) expect(result.fieldErrors?.[field]).toBeDefined();
    expect(await feedbackOf(touchpoint.id)).toHaveLength(0);
  });

  it('accepts a comment of exactly the limit', async () => {
    const { touchpoint, token } = await liveLink();
    expect(
      await submitFeedback({ token, form: { comment: 'y'.repeat(FEEDBACK_COMMENT_MAX) }, address: freshAddress() }),
    ).toEqual({ ok: true });
    expect((await feedbackOf(touchpoint.id))[0]?.notes).toHaveLength(FEEDBACK_COMMENT_MAX);
  });

  it('refuses an empty form with a message for the whole form', async () => {
    const { token } = await liveLink();
    const result = await submitFeedback({ token, form: { comment: '   ', email: '' }, address: freshAddress() });
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: msg('answerAtLeastOne'),
    });
  });
});

describe('rate limit per address', () => {
  it(`accepts ${MAX_FEEDBACK_PER_ADDRESS} submissions from one address in ${FEEDBACK_WINDOW_MINUTES} minutes, refuses the next, and serves other addresses`, async () => {
    const { touchpoint, token } = await liveLink();
    const address = freshAddress();
    for (let i = 0; i < MAX_FEEDBACK_PER_ADDRESS; i++) {
      expect(await submitFeedback({ token, form: { csat: '4' }, address })).toEqual({ ok: true });
    }
    expect(await submitFeedback({ token, form: { csat: '4' }, address })).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    expect(await feedbackOf(touchpoint.id)).toHaveLength(MAX_FEEDBACK_PER_ADDRESS);
    expect(await submitFeedback({ token, form: { csat: '4' }, address: freshAddress() })).toEqual({ ok: true });

    // Once the window has passed, the address may send again.
    const db = await getDb();
    await db
      .update(feedbackRateHits)
      .set({ createdAt: sql`now() - make_interval(mins => ${FEEDBACK_WINDOW_MINUTES + 1})` });
    expect(await submitFeedback({ token, form: { csat: '4' }, address })).toEqual({ ok: true });
  });

  it('counts honeypot hits against the address, and stores no address in clear', async () => {
    const { token } = await liveLink();
    const address = freshAddress();
    for (let i = 0; i < MAX_FEEDBACK_PER_ADDRESS; i++) await submitFeedback({ token, form: { website: 'x' }, address });
    expect(await submitFeedback({ token, form: { csat: '3' }, address })).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    const db = await getDb();
    const hits = await db.select({ addressHash: feedbackRateHits.addressHash }).from(feedbackRateHits);
    expect(hits.some((h) => h.addressHash.includes(address))).toBe(false);
  });

  it('holds under concurrent submissions from one address', async () => {
    const { touchpoint, token } = await liveLink();
    const address = freshAddress();
    const results = await Promise.all(
      Array.from({ length: MAX_FEEDBACK_PER_ADDRESS + 3 }, () =>
        submitFeedback({ token, form: { csat: '4' }, address }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_FEEDBACK_PER_ADDRESS);
    expect(await feedbackOf(touchpoint.id)).toHaveLength(MAX_FEEDBACK_PER_ADDRESS);
  });
});

describe('QR code downloads', () => {
  const qr = (touchpointId: string, query = '') =>
    getQr(
      new Request(`http://shop.example.test/admin/feedback/${touchpointId}/qr${query}`, {
        headers: { host: 'shop.example.test', 'x-forwarded-proto': 'https' },
      }),
      {
        params: Promise.resolve({ touchpointId }),
      },
    );

  it('gives an admin the SVG and PNG of the public link, as downloads when asked', async () => {
    const { touchpoint, token } = await liveLink();
    signInAs(admin.id);
    const svg = await qr(touchpoint.id, '?format=svg&download=1');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.headers.get('content-disposition')).toMatch(/^attachment; filename="feedback-qr-till-[a-z0-9-]+\.svg"$/);
    // The same encoder on the expected URL draws the same code: the QR holds the public link.
    expect(await svg.text()).toBe(await qrSvg(`https://shop.example.test/f/${token}`));

    const png = await qr(touchpoint.id, '?format=png');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^inline;/);
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('refuses anonymous callers, staff and managers', async () => {
    const { touchpoint } = await liveLink();
    signInAs(null);
    expect((await qr(touchpoint.id)).status).toBe(401);
    for (const role of ['staff', 'manager'] as const) {
      signInAs((await createUser({ role })).id);
      expect((await qr(touchpoint.id)).status).toBe(403);
    }
  });

  it('answers 404 for a link that is off and 400 for a bad request', async () => {
    const touchpoint = await newTouchpoint();
    signInAs(admin.id);
    expect((await qr(touchpoint.id)).status).toBe(404);
    expect((await qr('not-a-uuid')).status).toBe(400);
    const { touchpoint: live } = await liveLink();
    signInAs(admin.id);
    expect((await qr(live.id, '?format=gif')).status).toBe(400);
  });
});

describe('who sent the feedback: signed personal links and staff confirmation', () => {
  let staff: { id: string };
  beforeAll(async () => {
    staff = await createUser({ role: 'staff' });
  });

  async function newCustomer(email: string) {
    const db = await getDb();
    const [row] = await db
      .insert(customers)
      .values({ name: `Customer ${email}`, email })
      .returning();
    return row!;
  }

  /** A personal link made by staff on the customer's page; returns its customer token. */
  async function personalToken(customerId: string, touchpointId: string, days: number | string = 30) {
    signInAs(staff.id);
    const result = await createPersonalFeedbackLinkAction({ customerId, touchpointId, days });
    signInAs(null);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) throw new Error(result.message);
    const url = new URL(result.data.url);
    return url.searchParams.get('c')!;
  }

  it('attaches an answer, and its defects, to the customer a verified personal link names', async () => {
    const { touchpoint, token } = await liveLink();
    const customer = await newCustomer('linked@example.test');
    const customerToken = await personalToken(customer.id, touchpoint.id);

    // Through the public action, as the page's hidden field sends it.
    const form = new FormData();
    form.set('csat', '1');
    form.set('customerToken', customerToken);
    await expect(submitFeedbackAction(token, {}, form)).rejects.toThrow(/NEXT_REDIRECT/);

    const [row] = await feedbackOf(touchpoint.id);
    expect(row).toMatchObject({ customerId: customer.id, customerMatch: 'signed_link', contactEmail: null });
    const db = await getDb();
    const [defect] = await db.select().from(defects).where(eq(defects.interactionId, row!.id));
    expect(defect?.customerId).toBe(customer.id);
    const timeline = await getCustomerTimeline({ customerId: customer.id });
    expect(timeline.entries.map((e) => e.id)).toContain(row!.id);
    const [made] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'feedback_link.personal_created'), eq(auditEvents.entityId, customer.id)));
    expect(made).toMatchObject({ actorId: staff.id });
  });

  it('believes no forged, tampered, expired or other-link token, and falls back to an unverified email match', async () => {
    const { touchpoint, token } = await liveLink();
    const other = await liveLink();
    const customer = await newCustomer('victim@example.test');
    const genuine = await personalToken(customer.id, touchpoint.id);
    const [payload, signature] = genuine.split('.') as [string, string];
    const tampered = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const expired = signCustomerToken({
      customerId: customer.id,
      touchpointId: touchpoint.id,
      expiresAt: new Date(Date.now() - 1000),
    });
    const forOtherLink = await personalToken(customer.id, other.touchpoint.id);
    for (const customerToken of [tampered, expired, forOtherLink, 'x'.repeat(92), `${genuine}\u0000`]) {
      expect(
        await submitFeedback({
          token,
          form: { csat: '2', email: 'VICTIM@example.test' },
          customerToken,
          address: freshAddress(),
        }),
      ).toEqual({ ok: true });
    }
    const rows = await feedbackOf(touchpoint.id);
    expect(rows).toHaveLength(5);
    for (const row of rows)
      expect(row).toMatchObject({ customerId: null, customerMatch: 'unverified', suggestedCustomerId: customer.id });
  });

  it('refuses to make a personal link for a touchpoint whose link is off, or for an unknown customer', async () => {
    const customer = await newCustomer('nolink@example.test');
    const off = await newTouchpoint();
    signInAs(staff.id);
    const refused = await createPersonalFeedbackLinkAction({ customerId: customer.id, touchpointId: off.id });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    if (!refused.ok) expect(refused.fieldErrors?.touchpointId).toBeDefined();
    const { touchpoint } = await liveLink();
    signInAs(staff.id);
    expect(
      await createPersonalFeedbackLinkAction({ customerId: randomUUID(), touchpointId: touchpoint.id }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(
      await createPersonalFeedbackLinkAction({ customerId: customer.id, touchpointId: touchpoint.id, days: '365' }),
    ).toMatchObject({ ok: false, status: 422 });
  });

  it('lets staff confirm an unverified match: the answer and its defects move to the customer, audited once', async () => {
    const { touchpoint, token } = await liveLink();
    const customer = await newCustomer('confirm@example.test');
    await submitFeedback({ token, form: { csat: '1', email: 'confirm@example.test' }, address: freshAddress() });
    const [row] = await feedbackOf(touchpoint.id);
    expect(row?.customerMatch).toBe('unverified');
    expect((await getCustomerTimeline({ customerId: customer.id })).entries).toHaveLength(0);

    signInAs(staff.id);
    expect(await settleFeedbackMatchAction({ interactionId: row!.id, decision: 'confirm' })).toMatchObject({
      ok: true,
      data: { customerId: customer.id },
    });
    const [after] = await feedbackOf(touchpoint.id);
    expect(after).toMatchObject({ customerId: customer.id, customerMatch: 'confirmed' });
    const db = await getDb();
    const [defect] = await db.select().from(defects).where(eq(defects.interactionId, row!.id));
    expect(defect?.customerId).toBe(customer.id);
    expect((await getCustomerTimeline({ customerId: customer.id })).entries.map((e) => e.id)).toContain(row!.id);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'feedback.customer_confirmed'), eq(auditEvents.entityId, row!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: staff.id,
      before: expect.objectContaining({ customerId: null, customerMatch: 'unverified' }),
      after: expect.objectContaining({ customerId: customer.id, customerMatch: 'confirmed', defectsMoved: 1 }),
    });
    // Settled once: a second decision is refused and changes nothing.
    expect(await settleFeedbackMatchAction({ interactionId: row!.id, decision: 'reject' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect((await feedbackOf(touchpoint.id))[0]).toMatchObject({ customerMatch: 'confirmed' });
  });

  it('lets staff reject a match, leaving the answer anonymous, audited; anonymous callers are refused', async () => {
    const { touchpoint, token } = await liveLink();
    await newCustomer('reject@example.test');
    await submitFeedback({ token, form: { nps: '0', email: 'reject@example.test' }, address: freshAddress() });
    const [row] = await feedbackOf(touchpoint.id);
    signInAs(null);
    expect(await settleFeedbackMatchAction({ interactionId: row!.id, decision: 'confirm' })).toMatchObject({
      ok: false,
      status: 401,
    });
    signInAs(staff.id);
    expect(await settleFeedbackMatchAction({ interactionId: row!.id, decision: 'reject' })).toMatchObject({
      ok: true,
    });
    expect((await feedbackOf(touchpoint.id))[0]).toMatchObject({ customerId: null, customerMatch: 'rejected' });
    const db = await getDb();
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'feedback.customer_rejected'), eq(auditEvents.entityId, row!.id)));
    expect(audit?.actorId).toBe(staff.id);
    // Feedback that never had a match cannot be "confirmed" onto anyone.
    await submitFeedback({ token, form: { csat: '3' }, address: freshAddress() });
    const plain = (await feedbackOf(touchpoint.id)).find((r) => r.customerMatch === null)!;
    expect(await settleFeedbackMatchAction({ interactionId: plain.id, decision: 'confirm' })).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it('refuses in the database an unverified match that names a customer', async () => {
    const customer = await newCustomer('check@example.test');
    const touchpoint = await newTouchpoint();
    const db = await getDb();
    await expect(
      db.insert(interactions).values({
        touchpointId: touchpoint.id,
        occurredAt: new Date(),
        source: 'feedback',
        customerId: customer.id,
        customerMatch: 'unverified',
      }),
    ).rejects.toThrow();
  });
});
