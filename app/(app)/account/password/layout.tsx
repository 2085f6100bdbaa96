import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AccountPasswordLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/account/password">{children}</RouteClientMessages>;
}
