import { RouteClientMessages } from '@/components/i18n/route-messages';
import type { Metadata } from 'next';

// Public pages: kept out of search engines, and the token never leaves for another site in a
// Referer header. Not 'no-referrer': that sends `Origin: null`, and Next.js then refuses the form's
// server action when it is posted without JavaScript.
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: 'same-origin',
};

export default function FeedbackLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-gradient-to-b from-primary/10 via-background to-background">
      <main className="mx-auto flex w-full max-w-xl flex-col px-4 pb-16 pt-8 sm:pt-14">
        <RouteClientMessages prefix="/f/[token]">{children}</RouteClientMessages>
      </main>
    </div>
  );
}
