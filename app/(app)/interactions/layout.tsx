import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function InteractionsLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/interactions">{children}</RouteClientMessages>;
}
