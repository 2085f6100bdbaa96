import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CasesNewLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/cases/new">{children}</RouteClientMessages>;
}
