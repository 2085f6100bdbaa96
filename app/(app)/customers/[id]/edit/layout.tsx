import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CustomersIdEditLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/customers/[id]/edit">{children}</RouteClientMessages>;
}
