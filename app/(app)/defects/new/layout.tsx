import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function DefectsNewLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/defects/new">{children}</RouteClientMessages>;
}
