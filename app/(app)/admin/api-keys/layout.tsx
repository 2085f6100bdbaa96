import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminApiKeysLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/api-keys">{children}</RouteClientMessages>;
}
