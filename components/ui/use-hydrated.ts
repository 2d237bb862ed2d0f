"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has attached the handlers: controls stay disabled
 * meanwhile, so an early tap on a slow phone is not lost (or sent as a plain form GET).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
