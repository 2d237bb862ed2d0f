/** The outcome of the last action: announced to screen readers, red when refused. */
export function ActionFeedback({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return message.ok ? (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message.text}
    </p>
  ) : (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
      {message.text}
    </p>
  );
}
