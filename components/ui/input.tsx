import type { ComponentPropsWithRef } from "react";
import { cx } from "./cx";

/** The look every text-like control shares: inputs, selects and text areas. */
export const CONTROL = "rounded-lg border border-stone-300 bg-white";

/** Padding and type size of a control: `md` in forms, `sm` in tables and dense filter panels. */
export const CONTROL_SIZES = {
  sm: "px-2 py-1 text-sm",
  md: "px-3 py-2",
} as const;

export type ControlSize = keyof typeof CONTROL_SIZES;

type InputProps = Omit<ComponentPropsWithRef<"input">, "size"> & { size?: ControlSize };

/** A text, number, search, email or password input. Callers add layout classes only (width, flex). */
export function Input({ size = "md", className, ...props }: InputProps) {
  return <input {...props} className={cx(CONTROL, CONTROL_SIZES[size], className)} />;
}

type TextareaProps = ComponentPropsWithRef<"textarea"> & { size?: ControlSize };

export function Textarea({ size = "md", className, ...props }: TextareaProps) {
  return <textarea {...props} className={cx(CONTROL, CONTROL_SIZES[size], className)} />;
}
