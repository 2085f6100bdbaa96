import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function LoginLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/login">{children}</RouteClientMessages>;
}
