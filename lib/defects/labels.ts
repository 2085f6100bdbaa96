/** "Why? … Why? …": a root cause written one why per line, as the steps of its chain. */
export function rootCauseSteps(rootCause: string | null): string[] {
  return (rootCause ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*(why\??|\d+[.)])\s*/i, '').trim())
    .filter(Boolean);
}
