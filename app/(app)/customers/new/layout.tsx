import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CustomersNewLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/customers/new">{children}</RouteClientMessages>;
}
