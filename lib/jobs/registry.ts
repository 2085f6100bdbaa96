import 'server-only';
import type { Database, Transaction } from '@/db';
import type { Job } from '@/db/schema';
import type { ScheduleCalendar } from './schedule';

export interface JobContext {
  job: Job;
  /** The database; for a transactional job, the transaction that also marks the job done. */
  db: Database | Transaction;
}

export interface JobDefinition {
  kind: string;
  run: (payload: Record<string, unknown>, context: JobContext) => Promise<void>;
  /**
   * Run the body and the job's completion in one transaction, so a body that only writes to the
   * database takes effect exactly once even when the runner crashes and the job runs again.
   */
  transactional?: boolean;
  /** Called once when the job gives up (dead-letter), e.g. to mark a delivery dead. */
  onDead?: (payload: Record<string, unknown>, error: string, context: JobContext) => Promise<void>;
}

export interface ScheduleDefinition {
  /** Unique name; also the kind of the job it queues unless `kind` says otherwise. */
  name: string;
  kind?: string;
  /**
   * The next run strictly after `after` (see ./schedule.ts for weekly and daily helpers), reckoned
   * in the company's zone and week (`calendar`, read by the runner once per round).
   */
  next: (after: Date, calendar: ScheduleCalendar) => Date;
  payload?: Record<string, unknown>;
}

// Module state on globalThis: Next.js may load this module in several bundles of one process.
const registry = globalThis as unknown as {
  __outsideinJobs?: Map<string, JobDefinition>;
  __outsideinSchedules?: Map<string, ScheduleDefinition>;
};
const definitions = (registry.__outsideinJobs ??= new Map());
const schedules = (registry.__outsideinSchedules ??= new Map());

/** Registers the handler of one job kind. */
export function defineJob(definition: JobDefinition): void {
  definitions.set(definition.kind, definition);
}

/**
 * Registers a recurring job: the runner queues a job of its kind each time `next` comes round,
 * once across all app instances. Define the job's handler with defineJob too.
 */
export function registerSchedule(schedule: ScheduleDefinition): void {
  schedules.set(schedule.name, schedule);
}

export const jobDefinition = (kind: string) => definitions.get(kind);
export const registeredSchedules = () => [...schedules.values()];
