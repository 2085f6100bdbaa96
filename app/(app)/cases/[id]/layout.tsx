import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CasesIdLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/cases/[id]">{children}</RouteClientMessages>;
}
