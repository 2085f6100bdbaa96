import { getDb } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/enums';

let counter = 0;

export async function createUser(options: { role: Role; password?: string; active?: boolean; email?: string }) {
  counter += 1;
  const db = await getDb();
  const email = options.email ?? `${options.role}-${counter}-${Date.now()}@example.test`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `${options.role} user ${counter}`,
      role: options.role,
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? 'correct horse battery'),
    })
    .returning();
  return user!;
}
