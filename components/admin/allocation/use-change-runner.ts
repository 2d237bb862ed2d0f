"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import type { ActionResult } from "@/lib/actions/result";
import type { PreviewRow } from "@/lib/allocation-console/apply-change";

/**
 * What every console editor does with its change: preview it (nothing saved), save or delete it,
 * and show a refusal next to its fields. A save refreshes the page's rows and versions.
 */
export function useChangeRunner() {
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<PreviewRow[] | null>(null);

  function settle<T>(result: ActionResult<T>): result is Extract<ActionResult<T>, { ok: true }> {
    const refused = result.ok ? null : refusal(result);
    // A preview's fields sit under its change ("change.policy.ratioPercent"); the form knows them by name.
    setFields(
      Object.fromEntries(
        Object.entries(refused?.fields ?? {}).map(([k, v]) => [
          k.replace(/^change\.(policy|rule|channel|target)\./, ""),
          v,
        ]),
      ),
    );
    setMessage(refused ? { ok: false, text: refused.message } : null);
    return result.ok;
  }

  return {
    disabled: !hydrated || pending,
    fields,
    message,
    preview,
    runPreview: (work: () => Promise<ActionResult<{ skus: PreviewRow[] }>>) =>
      start(async () => {
        const result = await work();
        setPreview(settle(result) ? result.data.skus : null);
      }),
    runSave: <T>(work: () => Promise<ActionResult<T>>, done: string, onSaved?: (data: T) => void) =>
      start(async () => {
        const result = await work();
        if (!settle(result)) return;
        setMessage({ ok: true, text: done });
        setPreview(null);
        onSaved?.(result.data);
        router.refresh();
      }),
    clear: () => {
      setFields({});
      setMessage(null);
      setPreview(null);
    },
  };
}

export type ChangeRunner = ReturnType<typeof useChangeRunner>;

/** The Field props that show a refused field's message, linked for screen readers. */
export function fieldError(runner: ChangeRunner, form: string, name: string) {
  const text = runner.fields[name];
  return text ? { error: text, errorId: `${form}-${name}-error` } : {};
}

/** The control props that mark a refused field. */
export function fieldAria(runner: ChangeRunner, form: string, name: string) {
  return runner.fields[name]
    ? { "aria-invalid": true as const, "aria-describedby": `${form}-${name}-error` }
    : {};
}
