import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';

export async function listUsers() {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}
