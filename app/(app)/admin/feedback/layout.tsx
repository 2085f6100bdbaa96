import { RouteClientMessages } from '@/components/i18n/route-messages';

export default function AdminFeedbackLayout({ children }: { children: React.ReactNode }) {
  return <RouteClientMessages prefix="/admin/feedback">{children}</RouteClientMessages>;
}
