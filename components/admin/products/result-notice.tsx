import { Notice } from "@/components/ui/notice";

/** The outcome of a form's last action, beside its button. */
export function ResultNotice({ message }: { message: { ok: boolean; text: string } | null }) {
  return message ? (
    <Notice tone={message.ok ? "success" : "error"} variant="text">
      {message.text}
    </Notice>
  ) : null;
}
