// Said the same way for a mistyped, rotated or switched-off link: the visitor learns nothing more.
export default function FeedbackLinkNotFound() {
  return (
    <div className="mt-10 rounded-3xl border border-border bg-surface p-8 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Link not active</p>
      <h1 className="mt-3 text-2xl font-bold">This feedback link is no longer in use</h1>
      <p className="mt-3 text-base text-muted">
        It may have been replaced by a new one. If you scanned a printed code, please ask us for a fresh one. Thank you
        for wanting to tell us how it went.
      </p>
    </div>
  );
}
