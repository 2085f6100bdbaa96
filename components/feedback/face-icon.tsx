// A face from very unhappy (1) to very happy (5), drawn inline so it needs no emoji font.
const MOUTHS: Record<number, string> = {
  1: 'M8 17.5c1.2-2.2 6.8-2.2 8 0',
  2: 'M8.5 16.5c1.5-1.2 5.5-1.2 7 0',
  3: 'M8.5 15.5h7',
  4: 'M8.5 14.5c1.5 1.5 5.5 1.5 7 0',
  5: 'M7.5 14c1.5 3 7.5 3 9 0',
};

export function FaceIcon({ score, className }: { score: number; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    >
      <circle cx="12" cy="12" r="9.5" />
      {score <= 1 ? (
        <>
          <path d="M8 9.2l2 .8M16 9.2l-2 .8" />
        </>
      ) : null}
      <circle cx="9" cy="10.5" r="1" fill="currentColor" stroke="none" />
      <circle cx="15" cy="10.5" r="1" fill="currentColor" stroke="none" />
      <path d={MOUTHS[score] ?? MOUTHS[3]} />
    </svg>
  );
}
