import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/dashboard">{children}</RouteClientMessages>;
}
