import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CasesLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/cases">{children}</RouteClientMessages>;
}
