'use client';

import { useEffect, useState } from 'react';

/**
 * Whether the server reports itself unavailable (its readiness check answers 503, or it does not
 * answer at all), so an error page can say "temporarily unavailable" rather than "went wrong".
 * Null while asking.
 */
export function useServiceUnavailable(): boolean | null {
  const [unavailable, setUnavailable] = useState<boolean | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch('/api/health', { cache: 'no-store' })
      .then((response) => !cancelled && setUnavailable(response.status === 503))
      .catch(() => !cancelled && setUnavailable(true));
    return () => {
      cancelled = true;
    };
  }, []);
  return unavailable;
}
