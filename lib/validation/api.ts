import { z } from 'zod';
import { CHANNELS } from '@/lib/enums';
import { PARETO_MEASURES } from '@/lib/metrics/pareto';
import { NO_SEGMENT } from './filters';
import { interactionInputSchema } from './interactions';
import { GRANULARITIES } from './metrics';

/*
 * The HTTP API's request and response shapes. The OpenAPI document at /api/v1/openapi.json is
 * generated from these schemas (and from the shared filter and interaction schemas), and the
 * integration tests parse real responses with them, so the document cannot drift from the code.
 */

/** The schemas that become named components of the OpenAPI document. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

export const MAX_BATCH = 1_000;
/** 1,000 interactions with the longest notes allowed, with room to spare. */
export const MAX_BODY_BYTES = 6_000_000;

/** POST /api/v1/interactions: one interaction, or an array of up to 1,000. */
export const interactionBatchSchema = z.union([
  interactionInputSchema,
  z.array(interactionInputSchema).min(1).max(MAX_BATCH),
]);

export const recordResultSchema = z
  .object({
    data: z.object({
      ids: z.array(z.uuid()).describe('Every input id, in input order, created now or stored before.'),
      created: z.array(z.uuid()),
      existing: z.array(z.uuid()).describe('Ids that were already stored (a retry): left as they were.'),
      defectsRaised: z
        .int()
        .describe('Auto defects raised by the touchpoints’ rules for the interactions created now.'),
    }),
  })
  .register(apiRegistry, { id: 'RecordResult' });

// Registered for the OpenAPI document only: no code parses a problem.
z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  errors: z
    .array(
      z.object({
        pointer: z
          .string()
          .describe('JSON pointer into the body, or into the query parameters as an object (`/granularity`).'),
        message: z.string(),
      }),
    )
    .optional(),
}).register(apiRegistry, { id: 'Problem', description: 'RFC 9457 problem details.' });

const intervalSchema = z.object({ low: z.number(), high: z.number() }).register(apiRegistry, {
  id: 'Interval',
  description:
    '95 % interval in the value’s own unit: Wilson score interval for shares (and for DPMO and yield, from the share of defective opportunities), NPS ± 1.96 SE for NPS.',
});

const metricValueSchema = z
  .object({
    value: z.number().nullable(),
    reason: z
      .enum(['no data', 'no defects', 'every opportunity defective', 'more defects than opportunities'])
      .optional()
      .describe(
        'Why there is no number: never NaN or Infinity. "more defects than opportunities": review the touchpoint’s opportunities per interaction; no DPMO above 1,000,000 or yield of 0 % is given instead.',
      ),
    interval: intervalSchema.optional(),
    tooFew: z
      .boolean()
      .optional()
      .describe('Fewer than 30 units (rates) or responses (scores) behind the value: too few to judge.'),
  })
  .register(apiRegistry, { id: 'MetricValue' });

const kpisSchema = z
  .object({
    interactions: z.int(),
    defects: z.int(),
    defectiveInteractions: z.int(),
    opportunities: z.int(),
    dpu: metricValueSchema,
    dpmo: metricValueSchema,
    sigma: metricValueSchema,
    yield: metricValueSchema,
    firstPassYield: metricValueSchema,
    nps: metricValueSchema,
    npsResponses: z.int(),
    csat: metricValueSchema.describe('Share (0–1) of CSAT answers that are 4 or 5.'),
    csatResponses: z.int(),
    ces: metricValueSchema,
    cesResponses: z.int(),
    expectationGap: metricValueSchema,
    expectationGapResponses: z.int(),
    costOfPoorQuality: z.number(),
  })
  .register(apiRegistry, { id: 'Kpis' });

const changeKeys = [
  'interactions',
  'defects',
  'defectiveInteractions',
  'costOfPoorQuality',
  'dpu',
  'dpmo',
  'sigma',
  'yield',
  'firstPassYield',
  'nps',
  'csat',
  'ces',
  'expectationGap',
] as const;
const kpiChangesSchema = z
  .object(
    Object.fromEntries(changeKeys.map((k) => [k, z.number().nullable()])) as Record<
      (typeof changeKeys)[number],
      z.ZodNullable<z.ZodNumber>
    >,
  )
  .register(apiRegistry, {
    id: 'KpiChanges',
    description:
      'Relative change for counts and money (0.1 = +10 %), absolute change for rates; null when either period has no number.',
  });

const day = z.iso.date();

/** Stated once per response: amounts stay plain numbers, in the company's currency. */
const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe(
    'The ISO 4217 currency of every amount in this response (costOfPoorQuality, lostRevenue …), set in the company settings. Amounts are plain numbers in it; they are not converted when the setting changes.',
  );

const signalSchema = z.object({
  rule: z.enum(['beyond-3-sigma', 'two-of-three-beyond-2-sigma', 'four-of-five-beyond-1-sigma', 'eight-on-one-side']),
  side: z.enum(['above', 'below']),
  explanation: z.string(),
});

export const metricsResponseSchema = z
  .object({
    data: z.object({
      currency: currencySchema,
      period: z.object({ from: day, to: day, granularity: z.enum(GRANULARITIES) }),
      previousPeriod: z.object({ from: day, to: day }),
      filters: z.object({
        touchpoint: z.array(z.uuid()),
        stage: z.array(z.uuid()),
        channel: z.array(z.enum(CHANNELS)),
        segment: z.array(z.union([z.uuid(), z.literal(NO_SEGMENT)])),
      }),
      kpis: z.object({ current: kpisSchema, previous: kpisSchema, change: kpiChangesSchema }),
      trend: z.array(
        z.object({
          period: day,
          from: day,
          to: day,
          units: z.int(),
          opportunities: z.int(),
          defectiveUnits: z.int(),
          defects: z.int(),
          dpmo: metricValueSchema,
          sigma: metricValueSchema,
          inProgress: z.boolean().describe('The subgroup holds today: still in progress.'),
        }),
      ),
      pChart: z.object({
        centre: z.number().nullable(),
        signalCount: z.int().describe('Points with a signal against the p-chart limits.'),
        sigmaZ: z
          .number()
          .nullable()
          .describe(
            'Laney’s overdispersion ratio σ_z = mean(|z_i − z_{i−1}|) / 1.128 over the judged points: about 1 when the binomial model holds.',
          ),
        judgedSubgroups: z.int().describe('Points neither hollow nor gaps: what σ_z and the signals rest on.'),
        laneyRecommended: z.boolean().describe('σ_z > 1.2 with at least 15 judged subgroups: read the p′ limits.'),
        laneySignalCount: z.int().describe('Points with a signal against the Laney p′ limits.'),
        points: z.array(
          z.object({
            period: day,
            n: z.int(),
            d: z.int(),
            p: z.number().nullable(),
            sigma: z.number().nullable(),
            ucl: z.number().nullable(),
            lcl: z.number().nullable(),
            signals: z.array(signalSchema),
            hollow: z
              .enum(['small-subgroup', 'in-progress'])
              .nullable()
              .describe('Drawn hollow and raising no signal: n·p̄ < 5 or n·(1 − p̄) < 5, or the subgroup has not ended.'),
            laneyUcl: z.number().nullable().describe('p̄ + 3·σ_i·σ_z, at most 1.'),
            laneyLcl: z.number().nullable().describe('p̄ − 3·σ_i·σ_z, at least 0.'),
            laneySignals: z.array(signalSchema),
          }),
        ),
      }),
      paretoMeasure: z.enum(PARETO_MEASURES).describe('What the Pareto ranks by: defect count or lost revenue.'),
      pareto: z.array(
        z.object({
          key: z.uuid(),
          label: z.string(),
          count: z.int(),
          share: z.number().describe('Share of the chosen measure.'),
          cumulativeShare: z.number(),
          vitalFew: z.boolean().describe('Among the categories making up the first 80 % of the chosen measure.'),
          lostRevenue: z.number(),
        }),
      ),
      rolledThroughputYield: z
        .object({
          rty: z.number().nullable().describe('Π of the stages’ first-pass yields, in journey order.'),
          normalizedYield: z.number().nullable().describe('RTY^(1/k) over the k stages with data.'),
          stagesWithData: z.int(),
          stages: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              units: z.int(),
              defectiveUnits: z.int(),
              firstPassYield: z.number().nullable(),
              firstPassYieldInterval: intervalSchema.nullable(),
              cumulativeYield: z.number().nullable().describe('RTY after this stage.'),
              yieldLost: z.number().nullable().describe('Cumulative yield before this stage minus after it.'),
            }),
          ),
        })
        .register(apiRegistry, { id: 'RolledThroughputYield' }),
      touchpoints: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          channel: z.string(),
          stageId: z.uuid(),
          stageName: z.string(),
          stagePosition: z.int(),
          kpis: kpisSchema,
        }),
      ),
      segments: z.array(z.object({ id: z.uuid().nullable(), name: z.string(), kpis: kpisSchema })),
    }),
  })
  .register(apiRegistry, { id: 'Metrics' });

export const touchpointsResponseSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        stageId: z.uuid(),
        stageName: z.string(),
        channel: z.enum(CHANNELS),
        active: z.boolean(),
        opportunities: z
          .int()
          .describe(
            'Opportunities per interaction for interactions logged from now on; each interaction keeps the value it was logged with.',
          ),
      }),
    ),
  })
  .register(apiRegistry, { id: 'Touchpoints' });

const pChartSchema = metricsResponseSchema.shape.data.shape.pChart.register(apiRegistry, {
  id: 'PChart',
  description: 'A p-chart: centre line p̄, and per subgroup n, d, p, σ, limits and Western Electric signals.',
});

const caseSignalSchema = z.object({
  period: day,
  rule: z.string().nullable(),
  side: z.enum(['above', 'below']).nullable(),
  n: z.int(),
  d: z.int(),
  p: z.number().nullable(),
  centre: z.number().nullable(),
  ucl: z.number().nullable(),
  lcl: z.number().nullable(),
});

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.int(),
    title: z.string(),
    status: z.enum(['open', 'investigating', 'action', 'monitoring', 'proved', 'not_effective', 'closed']),
    chart: z.object({
      key: z.string(),
      scope: z.enum(['company', 'stage', 'touchpoint']),
      stageId: z.uuid().nullable(),
      touchpointId: z.uuid().nullable(),
      categoryId: z.uuid().nullable(),
      subgroup: z.enum(['day', 'week']),
    }),
    origin: z.enum(['signal', 'manual']).describe('Opened by a signal on a monitored chart, or by a manager.'),
    signal: caseSignalSchema.nullable().describe('The subgroup that raised (or was picked to open) the case.'),
    ownerId: z.uuid().nullable().describe('Null: the managers’ queue.'),
    rootCause: z.string().nullable(),
    correctiveAction: z.string().nullable(),
    effectiveOn: day.nullable().describe('T: the first day the corrective action was in force.'),
    closeReason: z.string().nullable(),
    verdict: z
      .object({
        outcome: z.enum(['proved', 'not_effective', 'pending']),
        text: z.string(),
        pValue: z.number().nullable(),
        test: z.string().nullable(),
        evaluatedAt: z.string(),
      })
      .nullable()
      .describe('The latest evaluation of the proof.'),
    defectCount: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .register(apiRegistry, { id: 'CaseSummary' });

export const caseListResponseSchema = z
  .object({
    data: z.array(caseSummarySchema),
    page: z.int(),
    pageSize: z.int(),
    total: z.int(),
  })
  .register(apiRegistry, { id: 'CaseList' });

const stageFiguresSchema = z.object({
  from: day,
  to: day,
  interactions: z.int(),
  defectiveInteractions: z.int(),
  defects: z.int(),
  dpmo: metricValueSchema,
  sigma: metricValueSchema,
  firstPassYield: metricValueSchema,
  costOfPoorQuality: z.number(),
  costPer100Interactions: z.number().nullable(),
});

export const caseProofSchema = z
  .object({
    effectiveOn: day,
    subgroup: z.enum(['day', 'week']),
    outcome: z.enum(['proved', 'not_effective', 'pending']),
    verdict: z
      .string()
      .describe('In plain language, e.g. “The defect rate fell from 12.4 % to 7.9 %; p = 0.003; proved.”'),
    reasons: z.array(z.string()).describe('Why it is not (yet) proved.'),
    test: z
      .object({
        name: z.enum(['two-proportion-z', 'fisher-exact']),
        statistic: z.number().nullable().describe('z for the two-proportion test; null for Fisher’s.'),
        pValue: z.number().describe('One-sided: “the defective share fell”.'),
      })
      .nullable(),
    counts: z.object({ n0: z.int(), d0: z.int(), n1: z.int(), d1: z.int() }),
    before: stageFiguresSchema,
    after: stageFiguresSchema,
    stages: z.object({ before: pChartSchema, after: pChartSchema }),
  })
  .register(apiRegistry, { id: 'CaseProof', description: 'The staged p-chart and the test of the corrective action.' });

export const caseResponseSchema = z
  .object({ data: caseSummarySchema.extend({ currency: currencySchema, proof: caseProofSchema.nullable() }) })
  .register(apiRegistry, { id: 'Case' });
