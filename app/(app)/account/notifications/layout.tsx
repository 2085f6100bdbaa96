import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AccountNotificationsLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/account/notifications">{children}</RouteClientMessages>;
}
