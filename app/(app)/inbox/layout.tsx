import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function InboxLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/inbox">{children}</RouteClientMessages>;
}
