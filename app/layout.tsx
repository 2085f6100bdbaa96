import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { BASE_CLIENT_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'OutsideIn', template: '%s · OutsideIn' },
  description: 'Customer-experience management: every touchpoint, every defect, six-sigma style.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page reads the database per request. Without this, `next build` tries to prerender each
// page, and a page that reads the company settings beside its sign-in check (Promise.all) opened
// the embedded database during the build and left its server running after the build ended.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so each gets the nonce of its Content-Security-Policy (proxy.ts).
  await connection();
  const locale = await getLocale();
  const messages = pickMessages(await getMessages(), BASE_CLIENT_NAMESPACES);
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        {/* Client components read the same time zone and formats (lib/i18n/request.ts), and only the
            messages they use (lib/i18n/client-messages.ts), not the whole catalogue: here the ones
            every page's shell and error pages read; the layout at each route prefix adds its own. */}
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
