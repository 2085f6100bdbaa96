import { z } from 'zod';
import { API_SCOPES } from '@/lib/auth/api-keys';
import { API_SCOPE_LABELS } from '@/lib/validation/api-keys';
import {
  apiRegistry,
  caseListResponseSchema,
  caseResponseSchema,
  interactionBatchSchema,
  MAX_BATCH,
  metricsResponseSchema,
  recordResultSchema,
  touchpointsResponseSchema,
} from '@/lib/validation/api';
import { metricsQuerySchema } from '@/lib/validation/metrics';

type JsonSchema = Record<string, unknown>;

const options = (io: 'input' | 'output') =>
  ({
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // Dates travel as ISO 8601 strings; zod coerces them.
    override: (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as const;

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses), inline. */
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, options(io)) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The named response schemas, referring to each other through #/components/schemas. */
function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    ...options('output'),
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  return schemas;
}

/** A reference to a registered schema by the schema itself, so its id is written once. */
function ref(schema: z.ZodType) {
  const id = apiRegistry.get(schema)?.id;
  if (!id) throw new Error('The schema is not registered for the OpenAPI document.');
  return { $ref: `#/components/schemas/${id}` };
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Query parameters from the dashboard's filter schema: repeat a parameter for several values. */
function filterParameters() {
  const shape = metricsQuerySchema.shape;
  const describe: Record<string, string> = {
    from: 'First day of the period (YYYY-MM-DD), in the company’s time zone. Default: 29 days before `to`.',
    to: 'Last day of the period, inclusive, in the company’s time zone. Default: today there.',
    granularity:
      'Subgroup of the trend and p-chart. Default: day up to 62 days, week up to a year, else month. Weeks start on the company’s first day of the week (its settings).',
    touchpoint: 'Touchpoint id; repeat for several.',
    stage: 'Journey stage id; repeat for several.',
    channel: 'Channel; repeat for several.',
    segment:
      'Customer segment id, or `none` for interactions without a customer or whose customer has no segment; repeat for several.',
    pareto:
      'What the Pareto ranks by, and the vital few are recomputed on: `count` of defects (default) or lost `revenue`.',
  };
  return Object.entries(shape).map(([name, schema]) => {
    const json = toSchema(schema as z.ZodType, 'input');
    const isArray = json.type === 'array';
    return {
      name,
      in: 'query',
      required: false,
      description: describe[name],
      schema: json,
      ...(isArray ? { style: 'form', explode: true } : {}),
    };
  });
}

/** The OpenAPI 3.1 document of API v1, built from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'OutsideIn API',
      version: '1.0.0',
      description:
        'Write interactions and read every number the dashboard shows. Authenticate with an API key: `Authorization: Bearer <key>`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/metrics': {
        get: {
          operationId: 'getMetrics',
          summary:
            'Every KPI, the trend, the p-chart (with Laney p′), the Pareto, rolled throughput yield and the touchpoint and segment tables for a period and filter',
          description:
            'Needs the `metrics:read` scope. The same numbers as the dashboard, from the same queries. Rates carry their 95 % interval and a `tooFew` flag beside the value; see docs/metrics-second-version.md.',
          parameters: filterParameters(),
          responses: {
            '200': {
              description: 'The metrics.',
              content: { 'application/json': { schema: ref(metricsResponseSchema) } },
            },
            '400': problemResponse('A query parameter is malformed.'),
            '401': problemResponse('No API key, or an unknown or revoked one.'),
            '403': problemResponse('The key lacks the `metrics:read` scope.'),
            '422': problemResponse('The period is impossible (ends before it starts, or is too long).'),
          },
        },
      },
      '/api/v1/touchpoints': {
        get: {
          operationId: 'listTouchpoints',
          summary: 'Every touchpoint with its journey stage, in journey order',
          description: 'Needs the `metrics:read` scope.',
          responses: {
            '200': {
              description: 'The touchpoints.',
              content: { 'application/json': { schema: ref(touchpointsResponseSchema) } },
            },
            '401': problemResponse('No API key, or an unknown or revoked one.'),
            '403': problemResponse('The key lacks the `metrics:read` scope.'),
          },
        },
      },
      '/api/v1/cases': {
        get: {
          operationId: 'listCases',
          summary: 'Cases: investigations opened by control-chart signals or by managers',
          description:
            'Needs the `metrics:read` scope. Newest first, 50 a page. Filter with `status` (repeat for several) and `owner` (a user id, or `none` for the managers’ queue).',
          parameters: [
            {
              name: 'status',
              in: 'query',
              required: false,
              style: 'form',
              explode: true,
              schema: {
                type: 'array',
                items: {
                  type: 'string',
                  enum: ['open', 'investigating', 'action', 'monitoring', 'proved', 'not_effective', 'closed'],
                },
              },
            },
            { name: 'owner', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: {
            '200': {
              description: 'A page of cases.',
              content: { 'application/json': { schema: ref(caseListResponseSchema) } },
            },
            '400': problemResponse('A query parameter is malformed.'),
            '401': problemResponse('No API key, or an unknown or revoked one.'),
            '403': problemResponse('The key lacks the `metrics:read` scope.'),
          },
        },
      },
      '/api/v1/cases/{id}': {
        get: {
          operationId: 'getCase',
          summary: 'One case with the proof of its corrective action',
          description:
            'Needs the `metrics:read` scope. `proof` (null until the corrective action has an effective date T) holds the staged p-chart (limits per stage, before T and from T on), DPMO, sigma level, first-pass yield and cost of poor quality per stage, and the one-sided two-proportion z-test (Fisher’s exact test when an expected count is below 5) with its p-value and verdict.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': {
              description: 'The case.',
              content: { 'application/json': { schema: ref(caseResponseSchema) } },
            },
            '401': problemResponse('No API key, or an unknown or revoked one.'),
            '403': problemResponse('The key lacks the `metrics:read` scope.'),
            '404': problemResponse('No case has that id.'),
          },
        },
      },
      '/api/v1/interactions': {
        post: {
          operationId: 'recordInteractions',
          summary: `Record one interaction, or a batch of up to ${MAX_BATCH.toLocaleString('en-GB')}`,
          description:
            'Needs the `interactions:write` scope. Idempotent by `id`: send your own UUIDs and a retry stores nothing twice. The touchpoints’ auto-defect rules apply. A batch is stored whole or not at all. `saleValue` is a plain number in the company’s currency (the `currency` that `GET /api/v1/metrics` states).',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(interactionBatchSchema, 'input') } },
          },
          responses: {
            '201': {
              description: 'At least one interaction was created.',
              content: { 'application/json': { schema: ref(recordResultSchema) } },
            },
            '200': {
              description: 'Every interaction was already stored (a retry).',
              content: { 'application/json': { schema: ref(recordResultSchema) } },
            },
            '400': problemResponse('The body is not valid JSON.'),
            '401': problemResponse('No API key, or an unknown or revoked one.'),
            '403': problemResponse('The key lacks the `interactions:write` scope.'),
            '413': problemResponse(
              `More than ${MAX_BATCH.toLocaleString('en-GB')} interactions, or a body over the size limit.`,
            ),
            '415': problemResponse('The body is not `application/json`.'),
            '422': problemResponse(
              'An interaction is invalid, or names an unknown touchpoint or customer; `errors` points at each problem.',
            ),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: `An OutsideIn API key. Scopes: ${API_SCOPES.map((scope) => `\`${scope}\` (${API_SCOPE_LABELS[scope]})`).join('; ')}. The CSV exports /customers/export and /interactions/export take a key with \`export:read\`.`,
        },
      },
      schemas: componentSchemas(),
    },
  };
}
