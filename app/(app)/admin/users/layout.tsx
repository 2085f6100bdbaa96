import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminUsersLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/users">{children}</RouteClientMessages>;
}
