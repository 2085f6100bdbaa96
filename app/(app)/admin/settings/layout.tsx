import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminSettingsLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/settings">{children}</RouteClientMessages>;
}
