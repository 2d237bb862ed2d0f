"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "prefetch">;

/**
 * A link that prefetches its page once the shopper shows intent (pointer over it, focus, first
 * touch) instead of as soon as it is on screen. A catalogue page shows dozens of links; fetching
 * and decoding every one of them on load kept a phone's main thread busy for a second for pages
 * most shoppers never open. The pages behind them are cached, so a click without a prefetch is
 * still quick.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: IntentLinkProps) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      // null is Link's default prefetch, switched on only from the first sign of intent.
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
