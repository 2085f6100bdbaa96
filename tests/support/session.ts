let current: string | null = null;

/** Makes the next server calls run as this user (or anonymously, with null). */
export function signInAs(userId: string | null): void {
  current = userId;
}

export function signedInUserId(): string | null {
  return current;
}
