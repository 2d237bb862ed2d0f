"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Runs an HQ console action for a form: the refusal worded in the page's language, each refused
 * field's text by path, and the page refreshed after a change. A refusal with a reason that
 * names fields (a taken barcode) shows that reason beside them rather than a bare "not valid".
 */
export function useConsoleAction(idPrefix: string) {
  const refusal = useLocalizeRefusal();
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = <T>(
    work: () => Promise<ActionResult<T>>,
    done: string | ((data: T) => string),
    after?: (data: T) => void,
  ) =>
    start(async () => {
      const result = await work();
      if (result.ok) {
        setFields({});
        setMessage({ ok: true, text: typeof done === "string" ? done : done(result.data) });
        after?.(result.data);
        router.refresh();
        return;
      }
      const worded = refusal(result);
      const byField = { ...worded.fields };
      if (result.details)
        for (const path of Object.keys(result.fieldErrors ?? {})) byField[path] = worded.message;
      setFields(byField);
      setMessage({ ok: false, text: worded.message });
    });

  /** Props for a Field and its control: the error beside it, described by its id. */
  const error = (path: string) => {
    const text = fields[path];
    const errorId = `${idPrefix}-${path.replaceAll(".", "-")}-error`;
    return text
      ? {
          field: { error: text, errorId },
          control: { "aria-invalid": true as const, "aria-describedby": errorId },
        }
      : { field: {}, control: {} };
  };

  return { run, error, message, busy: !hydrated || pending };
}
