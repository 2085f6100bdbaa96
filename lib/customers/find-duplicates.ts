import 'server-only';
import { and, asc, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { customers } from '@/db/schema';

export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  /** Which of the typed details this customer shares. */
  matchedOn: ('name' | 'email' | 'phone')[];
}

/** A phone number's digits, so "+44 20 7946 0000" and "020-7946-0000"-style spacing compare equal. */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

/**
 * Customers who already have this name, email or phone (names and emails in any case, phones by
 * their digits): the people a new customer might be a duplicate of.
 */
export async function findDuplicateCustomers(
  db: DbOrTx,
  details: { name?: string | null; email?: string | null; phone?: string | null },
  options: { exceptId?: string; limit?: number } = {},
): Promise<DuplicateCandidate[]> {
  const name = details.name?.trim().toLowerCase();
  const email = details.email?.trim().toLowerCase();
  // Fewer than 6 digits is an extension or a typo, not a number two customers could share.
  const digits = details.phone ? phoneDigits(details.phone) : '';
  const tests: SQL[] = [];
  if (name) tests.push(sql`lower(${customers.name}) = ${name}`);
  if (email) tests.push(sql`lower(${customers.email}) = ${email}`);
  if (digits.length >= 6) tests.push(sql`regexp_replace(${customers.phone}, '\\D', '', 'g') = ${digits}`);
  if (!tests.length) return [];
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      company: customers.company,
    })
    .from(customers)
    .where(and(or(...tests), options.exceptId ? ne(customers.id, options.exceptId) : undefined))
    .orderBy(asc(customers.name), asc(customers.createdAt))
    .limit(options.limit ?? 5);
  return rows.map((row) => ({
    ...row,
    matchedOn: [
      ...(name && row.name.toLowerCase() === name ? (['name'] as const) : []),
      ...(email && row.email?.toLowerCase() === email ? (['email'] as const) : []),
      ...(digits.length >= 6 && row.phone && phoneDigits(row.phone) === digits ? (['phone'] as const) : []),
    ],
  }));
}

/** "Aisha Brown (aisha@example.com)" and what it shares, for a warning beside a field. */
export function describeDuplicate(candidate: DuplicateCandidate): string {
  const contact = candidate.email ?? candidate.phone ?? candidate.company;
  return `${candidate.name}${contact ? ` (${contact})` : ''} has the same ${candidate.matchedOn.join(' and ')}`;
}

/** The customers that look like duplicates of this one: same name, email or phone. */
export async function listLikelyDuplicates(customer: {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}): Promise<DuplicateCandidate[]> {
  return findDuplicateCustomers(await getDb(), customer, { exceptId: customer.id, limit: 10 });
}
