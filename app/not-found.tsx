import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-muted">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link href="/" className={buttonClass('secondary')}>
        Go to your home page
      </Link>
    </main>
  );
}
