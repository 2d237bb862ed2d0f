// Types of csp-cache-handler.mjs (plain JavaScript: Node loads it outside the bundler).

/** A cached route value as Next's cache handler sees it; only pages are touched. */
export type CachedValue = {
  kind: string;
  html?: unknown;
  headers?: Record<string, string | string[] | number | undefined>;
  [field: string]: unknown;
};

export function nonceOf(policy: unknown): string | null;
export function attachRenderPolicy(value: CachedValue | null, requestPolicy: unknown): void;
export function restampedPage<V extends CachedValue | null>(
  value: V,
  nonce: string,
  fallbackPolicy: string,
): V;

export default class CspCacheHandler {
  constructor(options: Record<string, unknown>);
  get(key: string, ctx: Record<string, unknown>): Promise<{ value: CachedValue | null } | null>;
  set(key: string, data: CachedValue | null, ctx: Record<string, unknown>): Promise<void>;
}
