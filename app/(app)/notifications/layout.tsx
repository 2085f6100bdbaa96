import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function NotificationsLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/notifications">{children}</RouteClientMessages>;
}
