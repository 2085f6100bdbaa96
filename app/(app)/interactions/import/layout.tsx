import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function InteractionsImportLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/interactions/import">{children}</RouteClientMessages>;
}
