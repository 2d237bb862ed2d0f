import type { ComponentPropsWithRef } from "react";
import { cx } from "./cx";

/**
 * The classes every text-like control shares (inputs, selects, text areas): `compact` for tables
 * and dense filter panels, the default for forms.
 */
export function controlClass(compact: boolean | undefined, className: string | undefined): string {
  return cx(
    "rounded-lg border border-stone-300 bg-white",
    compact ? "px-2 py-1.5 text-sm" : "px-3 py-2",
    className,
  );
}

type InputProps = ComponentPropsWithRef<"input"> & { compact?: boolean };

/** A text, number, search, email or password input. Callers add layout classes only (width, flex). */
export function Input({ compact, className, ...props }: InputProps) {
  return <input {...props} className={controlClass(compact, className)} />;
}

type TextareaProps = ComponentPropsWithRef<"textarea"> & { compact?: boolean };

export function Textarea({ compact, className, ...props }: TextareaProps) {
  return <textarea {...props} className={controlClass(compact, className)} />;
}
