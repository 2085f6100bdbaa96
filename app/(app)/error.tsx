'use client';

import { PageError } from '@/components/errors/page-error';

// Inside the signed-in shell, so the navigation stays usable when one page fails.
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
