import { createHash } from 'node:crypto';
import { msg } from '@/lib/validation/messages';
import type { RowError } from './read-csv';

export type ImportPhase = 'validating' | 'importing';
export type ProgressListener = (progress: { phase: ImportPhase; done: number; total: number }) => void | Promise<void>;

/** The report lists at most this many bad rows; the count says how many there were. */
export const MAX_REPORTED_ERRORS = 1_000;

/** A row whose id is stored already with other values: what a re-import would change. */
export interface ChangedRow {
  row: number;
  id: string;
  columns: string[];
}

export interface ImportOptions {
  /** Apply a re-imported row's changed values to the stored record (validated, rules re-applied, audited). */
  updateExisting?: boolean;
  /** The file's own column names mapped to ours; '' leaves a column out. */
  mapping?: Record<string, string>;
}

export type ImportResult =
  | {
      ok: true;
      rows: number;
      created: number;
      /** Stored already with the same values. */
      existing: number;
      /** Stored already and changed by this import (updateExisting). */
      updated?: number;
      /** Stored already with other values, left as they were: the first MAX_REPORTED_ERRORS. */
      changed?: ChangedRow[];
      changedCount?: number;
      defectsRaised?: number;
    }
  | { ok: false; message: string; errors: RowError[]; errorCount: number };

/** Collects row errors, keeping the first MAX_REPORTED_ERRORS and counting the rest. */
export class ErrorReport {
  readonly errors: RowError[] = [];
  count = 0;
  add(row: number, column: string, reason: string) {
    this.count += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ row, column, reason });
  }
  failure(file: 'customers' | 'interactions'): ImportResult {
    return {
      ok: false,
      message: msg(file === 'customers' ? 'importCustomersProblems' : 'importInteractionsProblems', {
        count: this.count,
      }),
      errors: this.errors,
      errorCount: this.count,
    };
  }
}

/**
 * A stable UUID from a row's content, for rows without an id: importing the same file again
 * finds the same ids and creates nothing twice.
 */
export function contentId(kind: string, parts: unknown[]): string {
  const hex = createHash('sha256')
    .update(`${kind}\u0000${JSON.stringify(parts)}`)
    .digest('hex');
  // Shaped as a version-5-style UUID (name-based), so it passes UUID validation.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** Lets a streamed response flush its progress line during long synchronous work. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export const PROGRESS_EVERY = 5_000;
