import type { AriaRole, HTMLAttributes } from "react";
import { cx } from "./cx";

const TONES = {
  error: { box: "border-red-300 bg-red-50 text-red-800", text: "text-red-700" },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-900", text: "text-amber-800" },
  info: { box: "border-sky-300 bg-sky-50 text-sky-900", text: "text-sky-800" },
  success: { box: "border-emerald-300 bg-emerald-50 text-emerald-800", text: "text-emerald-700" },
} as const;

export type NoticeTone = keyof typeof TONES;

/** An error interrupts (`alert`); anything else waits for the reader to finish (`status`). */
const DEFAULT_ROLE: Record<NoticeTone, AriaRole> = {
  error: "alert",
  warning: "status",
  info: "status",
  success: "status",
};

type NoticeProps = Omit<HTMLAttributes<HTMLElement>, "role"> & {
  tone: NoticeTone;
  /** `box` is a bordered panel; `text` is one coloured line, for a message beside a control. */
  variant?: "box" | "text";
  /** `div` when the notice holds paragraphs or lists of its own. */
  as?: "p" | "div";
  /** `null` for a notice that is part of the page as it loads and so needs no announcing. */
  role?: AriaRole | null;
};

/** A message to the reader: a refusal, a warning, a note or a confirmation. */
export function Notice({
  tone,
  variant = "box",
  as: Tag = "p",
  role,
  className,
  ...props
}: NoticeProps) {
  return (
    <Tag
      {...props}
      role={role === undefined ? DEFAULT_ROLE[tone] : (role ?? undefined)}
      className={cx(
        variant === "box" ? "rounded-lg border p-3 text-sm" : "text-sm",
        TONES[tone][variant],
        className,
      )}
    />
  );
}
