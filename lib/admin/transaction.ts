import 'server-only';
import { getDb } from '@/db';
import type { Transaction } from '@/db';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { isForeignKeyViolation, isUniqueViolation } from '@/lib/db-errors';
import { msg } from '@/lib/validation/messages';

/**
 * Runs an admin change in one transaction. A unique index refusing the write (two admins racing
 * to the same name) becomes a 409 with the message beside the field, never a 500; so does a
 * foreign key whose target vanished meanwhile.
 */
export async function adminTransaction<T>(
  body: (tx: Transaction) => Promise<T>,
  onDuplicate: { message: string; fieldErrors?: FieldErrors },
): Promise<T> {
  const db = await getDb();
  try {
    return await db.transaction(body);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', onDuplicate.message, onDuplicate.fieldErrors);
    // Another admin removed what this change refers to (a stage deleted under a new touchpoint).
    if (isForeignKeyViolation(error)) throw new DomainError('conflict', msg('changedBySomeoneElse'));
    throw error;
  }
}

/** The named fields of a row, for an audit event's before/after. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = row[key];
  return out;
}
