import { getDb } from '@/db';
import { domainProblem, issueErrors, problem, type ProblemError } from '@/lib/api/problem';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { DomainError } from '@/lib/errors';
import { recordInteractions } from '@/lib/interactions/record-interactions';
import { MAX_BATCH, MAX_BODY_BYTES } from '@/lib/validation/api';
import { interactionInputSchema, type InteractionInput } from '@/lib/validation/interactions';
import { findUnsafeText, jsonMayHoldUnsafeText, UNSAFE_TEXT_MESSAGE } from '@/lib/validation/unsafe-text';
import { apiRoute } from '@/lib/api/admission';
import { readLimitedBody } from '@/lib/api/read-body';

export const dynamic = 'force-dynamic';

const tooLarge = () =>
  problem(
    413,
    'Content Too Large',
    `Send at most ${MAX_BATCH.toLocaleString('en-GB')} interactions and ${MAX_BODY_BYTES / 1_000_000} MB per request.`,
  );

/**
 * POST /api/v1/interactions: one interaction (an object) or a batch (an array of up to 1,000),
 * idempotent by id, with the touchpoints' auto-defect rules applied, stored whole or not at all.
 */
export const POST = apiRoute(async function POST(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'interactions:write', permission: 'logInteraction' });
  if ('response' in auth) return auth.response;

  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(?:;|$)/i.test(type)) {
    return problem(
      415,
      'Unsupported Media Type',
      'Send the interactions as JSON with "Content-Type: application/json".',
    );
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const bytes = await readLimitedBody(request, MAX_BODY_BYTES);
  const text = bytes && new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (text === null) return tooLarge();

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(400, 'Bad Request', 'The body is not valid JSON.');
  }

  const unsafe = jsonMayHoldUnsafeText(text) ? findUnsafeText(body) : [];
  if (unsafe.length)
    return problem(
      422,
      'Unprocessable Content',
      'Some text cannot be stored.',
      unsafe.map((pointer) => ({ pointer: `/${pointer}`, message: UNSAFE_TEXT_MESSAGE })),
    );

  const batch = Array.isArray(body);
  const items: unknown[] = batch ? (body as unknown[]) : [body];
  if (items.length > MAX_BATCH) return tooLarge();
  if (items.length === 0)
    return problem(422, 'Unprocessable Content', 'Send at least one interaction.', [
      { pointer: '', message: 'The batch is empty.' },
    ]);

  const errors: ProblemError[] = [];
  const inputs: InteractionInput[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const prefix = batch ? `/${index}` : '';
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ pointer: prefix, message: 'Each interaction must be a JSON object.' });
      return;
    }
    const parsed = interactionInputSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(...issueErrors(parsed.error, prefix));
      return;
    }
    if (parsed.data.id) {
      const first = seen.get(parsed.data.id);
      if (first !== undefined)
        errors.push({ pointer: `${prefix}/id`, message: `The same id is also at index ${first}.` });
      else seen.set(parsed.data.id, index);
    }
    inputs.push(parsed.data);
  });
  if (errors.length)
    return problem(
      422,
      'Unprocessable Content',
      `${errors.length === 1 ? 'One problem' : `${errors.length} problems`} in the interactions: nothing was stored.`,
      errors,
    );

  const loggedById = auth.principal.kind === 'user' ? auth.principal.userId : null;
  try {
    const db = await getDb();
    // One read and one write statement, which lands whole or not at all (no BEGIN/COMMIT round trips).
    const { ids, created, existing, defectsRaised } = await recordInteractions(db, inputs, {
      source: 'api',
      loggedById,
    });
    return Response.json(
      { data: { ids, created, existing, defectsRaised } },
      { status: created.length > 0 ? 201 : 200 },
    );
  } catch (error) {
    if (error instanceof DomainError) return domainProblem(error, ' Nothing was stored.');
    throw error;
  }
});
