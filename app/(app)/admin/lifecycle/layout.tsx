import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminLifecycleLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/lifecycle">{children}</RouteClientMessages>;
}
