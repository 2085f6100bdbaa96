import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

// forbidden() is only called from pages inside the app shell, which already has the one <main>.
export default function Forbidden() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-danger">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="max-w-md text-muted">
        Your role does not include this part of OutsideIn. Ask an administrator if you need it.
      </p>
      <Link href="/" className={buttonClass('secondary')}>
        Go to your home page
      </Link>
    </div>
  );
}
