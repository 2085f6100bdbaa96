import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// Read and validated once; everything else imports these typed values, never process.env.
const schema = z.object({
  DATABASE_URL: z.url().optional(),
  // Streaming replicas of DATABASE_URL's server, comma-separated: the dashboard, the metrics API and
  // the CSV exports read from them (db/read-replicas.ts).
  DATABASE_READ_URL: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/, error: 'Use postgres:// URLs, separated by commas.' })))
    .optional(),
  // A replica further behind the primary than this many seconds is not read from.
  DATABASE_READ_MAX_LAG: z.coerce.number().positive().max(86_400).default(30),
  // Seconds the dashboard's answers are kept in this process (lib/queries/answer-cache.ts); 0: off.
  DASHBOARD_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(16).optional(),
  // The address customers reach the app on, for feedback links and QR codes; else taken from the request.
  PUBLIC_URL: z.url().optional(),
  // Outgoing mail, e.g. smtp://user:pass@mail.example.com:587 or smtps://…:465. Unset: mail is kept
  // in the admin area's mail outbox instead of being sent.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'Use an smtp:// or smtps:// URL.' }).optional(),
  MAIL_FROM: z.string().min(3).default('OutsideIn <outsidein@localhost>'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SEED_SCALE: z.coerce.number().positive().max(10).default(1),
  // How many reverse proxies in front of the app append to X-Forwarded-For; 0 trusts none of it.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Chosen at random by scripts/serve.mjs, which sets the socket's address in it; never set by hand.
  OUTSIDEIN_PEER_HEADER: z
    .string()
    .regex(/^x-outsidein-peer-[0-9a-f]{24}$/)
    .optional(),
  // How many /api/v1 calls run at once per process (lib/api/admission.ts); the rest wait their turn.
  // One per CPU: more only interleaves more work on the one event loop, and pages wait behind it.
  API_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(os.availableParallelism()),
  // '1' leaves an empty database empty at start-up instead of loading the demo company (db/prepare.ts).
  SKIP_AUTO_SEED: z.enum(['0', '1']).default('0'),
});

const parsed = schema.safeParse({
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  DATABASE_READ_URL: process.env.DATABASE_READ_URL || undefined,
  DATABASE_READ_MAX_LAG: process.env.DATABASE_READ_MAX_LAG || undefined,
  DASHBOARD_CACHE_SECONDS: process.env.DASHBOARD_CACHE_SECONDS || undefined,
  DATA_DIR: process.env.DATA_DIR || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
  PUBLIC_URL: process.env.PUBLIC_URL || undefined,
  SMTP_URL: process.env.SMTP_URL || undefined,
  MAIL_FROM: process.env.MAIL_FROM || undefined,
  NODE_ENV: process.env.NODE_ENV || undefined,
  SEED_SCALE: process.env.SEED_SCALE || undefined,
  SKIP_AUTO_SEED: process.env.SKIP_AUTO_SEED || undefined,
  API_CONCURRENCY: process.env.API_CONCURRENCY || undefined,
  TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS || undefined,
  OUTSIDEIN_PEER_HEADER: process.env.OUTSIDEIN_PEER_HEADER || undefined,
});

if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  ...parsed.data,
  dataDir: path.resolve(parsed.data.DATA_DIR),
};
