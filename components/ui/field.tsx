import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx } from "./cx";

/**
 * The message under a field that was refused. Give it an `id` and point the control's
 * `aria-describedby` at it, so a screen reader reads the message with the field.
 */
export function FieldError({ className, ...props }: ComponentPropsWithRef<"p">) {
  return <p {...props} className={cx("mt-1 text-sm text-red-700", className)} />;
}

/**
 * A labelled control with its error under it. The label wraps the control, so the control's
 * accessible name is the label text; the error stays outside the label so it never becomes part
 * of that name. `className` places the whole field in its form's layout (grid span, flex).
 */
export function Field({
  label,
  error,
  errorId,
  className,
  children,
}: {
  label: ReactNode;
  /** The refusal for this field, if any; the control should then carry `aria-describedby={errorId}`. */
  error?: ReactNode;
  errorId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx("text-sm", className)}>
      <label className="block">
        <span className="mb-1 block font-medium">{label}</span>
        {children}
      </label>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
