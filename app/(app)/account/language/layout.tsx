import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AccountLanguageLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/account/language">{children}</RouteClientMessages>;
}
