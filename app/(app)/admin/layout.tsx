import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin">{children}</RouteClientMessages>;
}
