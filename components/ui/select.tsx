import type { ComponentPropsWithRef } from "react";
import { controlClass } from "./input";

type SelectProps = ComponentPropsWithRef<"select"> & { compact?: boolean };

/** A drop-down list that looks like the inputs beside it. Callers add layout classes only. */
export function Select({ compact, className, ...props }: SelectProps) {
  return <select {...props} className={controlClass(compact, className)} />;
}
