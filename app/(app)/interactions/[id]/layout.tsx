import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function InteractionsIdLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/interactions/[id]">{children}</RouteClientMessages>;
}
