import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function LogLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/log">{children}</RouteClientMessages>;
}
