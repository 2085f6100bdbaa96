/*
 * Promises remembered for a while under a key, the least recently used dropped past a size: the
 * one mechanism behind the dashboard's answers (lib/queries/answer-cache.ts) and the decoded
 * sessions (lib/auth/remembered-sessions.ts). Callers asking at once share one promise; a failed
 * one, or one whose value `keep` refuses, is not remembered.
 */

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

export class TimedMemo {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly maxEntries: number) {}

  /** What `read` gave for `key` if it was asked less than `seconds` ago, else `read()` now. */
  remember<T>(
    key: string,
    seconds: number,
    read: () => Promise<T>,
    now: number = Date.now(),
    keep: (value: T) => boolean = () => true,
  ): Promise<T> {
    const found = this.#entries.get(key);
    // Most recently used last, so the oldest is first to go.
    this.#entries.delete(key);
    if (found && found.expires > now) {
      this.#entries.set(key, found);
      return found.value as Promise<T>;
    }
    const entry: Entry = { expires: now + seconds * 1000, value: read() };
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    const forget = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    entry.value.then((value) => keep(value as T) || forget(), forget);
    return entry.value as Promise<T>;
  }

  clear(): void {
    this.#entries.clear();
  }
}
