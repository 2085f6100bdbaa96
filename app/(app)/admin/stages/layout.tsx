import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminStagesLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/stages">{children}</RouteClientMessages>;
}
