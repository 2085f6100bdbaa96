import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CustomersIdLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/customers/[id]">{children}</RouteClientMessages>;
}
