import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function CustomersImportLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/customers/import">{children}</RouteClientMessages>;
}
