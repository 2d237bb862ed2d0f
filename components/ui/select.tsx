import type { ComponentPropsWithRef } from "react";
import { cx } from "./cx";
import { CONTROL, CONTROL_SIZES, type ControlSize } from "./input";

type SelectProps = Omit<ComponentPropsWithRef<"select">, "size"> & { size?: ControlSize };

/** A drop-down list, looking like the inputs beside it. Callers add layout classes only. */
export function Select({ size = "md", className, ...props }: SelectProps) {
  return <select {...props} className={cx(CONTROL, CONTROL_SIZES[size], className)} />;
}
