import Link from "next/link";
import { cx } from "./cx";

/**
 * An area's sections as a row of links that wraps on a phone (HQ console, store console,
 * employee store); `children` go at the end of the row (the employee's cart link).
 */
export function SectionNav({
  label,
  links,
  outlined = false,
  className,
  children,
}: {
  label: string;
  links: readonly { href: string; label: string }[];
  /** Bordered pills, for the store console's large touch targets. */
  outlined?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <nav aria-label={label} className={cx("flex flex-wrap items-center gap-2", className)}>
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className={
            outlined
              ? "rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-stone-500"
              : "rounded-full px-3 py-1 text-sm font-medium hover:bg-stone-100"
          }
        >
          {l.label}
        </Link>
      ))}
      {children}
    </nav>
  );
}
