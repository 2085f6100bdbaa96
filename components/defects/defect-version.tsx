'use client';

import { createContext, useContext, useState } from 'react';

const VersionContext = createContext<{ version: number; saved: (version: number) => void } | null>(null);

/**
 * The version the defect page's forms send. A save returns the new version at once, before the
 * page's refreshed data arrives, so a quick second action is not refused as stale by one's own edit.
 */
export function DefectVersionProvider({ version, children }: { version: number; children: React.ReactNode }) {
  const [lastSaved, setLastSaved] = useState(version);
  const value = {
    version: Math.max(version, lastSaved),
    saved: (v: number) => setLastSaved((current) => Math.max(current, v)),
  };
  return <VersionContext.Provider value={value}>{children}</VersionContext.Provider>;
}

export function useDefectVersion(fallback: number) {
  return useContext(VersionContext) ?? { version: fallback, saved: () => {} };
}
