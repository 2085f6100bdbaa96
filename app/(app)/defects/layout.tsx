import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function DefectsLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/defects">{children}</RouteClientMessages>;
}
