import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CustomersLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/customers">{children}</RouteClientMessages>;
}
