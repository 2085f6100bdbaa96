import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminAuditLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/audit">{children}</RouteClientMessages>;
}
