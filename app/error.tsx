'use client';

import { PageError } from '@/components/errors/page-error';

// Pages outside the signed-in shell: sign-in and the public feedback form.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="p-4">
      <PageError error={error} retry={retry} />
    </main>
  );
}
