let current: string | null = null;
let pinnedVersion: number | undefined;

/**
 * Makes the next server calls run as this user (or anonymously, with null). The session carries
 * the user's current session version unless one is pinned: pin the version a session was issued
 * under to play a cookie that was kept after its session was ended.
 */
export function signInAs(userId: string | null, options: { sessionVersion?: number } = {}): void {
  current = userId;
  pinnedVersion = options.sessionVersion;
}

export function signedInUserId(): string | null {
  return current;
}

export function pinnedSessionVersion(): number | undefined {
  return pinnedVersion;
}
