import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminWebhooksLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/webhooks">{children}</RouteClientMessages>;
}
