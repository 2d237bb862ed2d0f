import type { ComponentPropsWithRef } from "react";
import { cx } from "./cx";

const VARIANTS = {
  primary: "bg-ink font-semibold text-white",
  secondary: "border border-stone-300 bg-white font-medium",
  success: "bg-emerald-700 font-semibold text-white",
  danger: "bg-red-700 font-semibold text-white",
  link: "underline",
} as const;

const SIZES = {
  sm: "px-3 py-1.5 text-sm",
  md: "px-4 py-2 text-sm",
  lg: "px-6 py-3",
  icon: "h-9 w-9 text-lg leading-none",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/**
 * The store's one button. `type` defaults to "button" so that a button placed in a form never
 * submits it by accident; a submit button says `type="submit"`. Callers add layout classes only
 * (width, margin, flex), never colours or padding, so every screen keeps the same buttons.
 */
export function Button({
  variant = "primary",
  size = "md",
  type = "button",
  className,
  ...props
}: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      className={cx(
        "inline-flex items-center justify-center gap-1 rounded-full disabled:cursor-not-allowed disabled:opacity-50",
        VARIANTS[variant],
        // A link-looking button sits in running text: no padding, only the small type.
        variant === "link" ? "text-sm" : SIZES[size],
        className,
      )}
    />
  );
}
