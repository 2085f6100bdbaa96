import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { homePathFor } from '@/lib/auth/roles';

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? homePathFor(user.role) : '/login');
}
