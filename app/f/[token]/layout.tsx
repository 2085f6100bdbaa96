import type { Metadata } from 'next';

// Public pages: kept out of search engines, and the token never leaves in a Referer header.
export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

export default function FeedbackLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-gradient-to-b from-primary/10 via-background to-background">
      <main className="mx-auto flex w-full max-w-xl flex-col px-4 pb-16 pt-8 sm:pt-14">{children}</main>
    </div>
  );
}
