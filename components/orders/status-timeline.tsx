/** One moment in an order's life, already worded for the shopper. */
export type TimelineEntry = { at: Date; label: string; detail?: string };

/** The order's history, oldest first; times are formatted by the caller's formatter. */
export function StatusTimeline({
  entries,
  formatTime,
  title,
}: {
  entries: TimelineEntry[];
  formatTime: (d: Date) => string;
  title: string;
}) {
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline" className="mb-3 text-lg font-bold">
        {title}
      </h2>
      <ol className="space-y-3 border-l-2 border-stone-200 pl-4" data-testid="order-timeline">
        {entries.map((e, i) => (
          <li key={i} className="relative">
            <span
              className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-ink"
              aria-hidden
            />
            <p className="font-medium">{e.label}</p>
            <p className="text-xs text-stone-500">
              <time dateTime={e.at.toISOString()}>{formatTime(e.at)}</time>
              {e.detail ? ` · ${e.detail}` : ""}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
