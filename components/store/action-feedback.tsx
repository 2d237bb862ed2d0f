import { Notice } from "@/components/ui/notice";

/** The outcome of the last action: announced to screen readers, red when refused. */
export function ActionFeedback({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice>;
}
