import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminTouchpointsLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/touchpoints">{children}</RouteClientMessages>;
}
