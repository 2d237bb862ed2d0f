"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import type { ActionResult } from "@/lib/actions/result";

export type Feedback = { ok: boolean; text: string } | null;

/**
 * Runs the counter's actions one at a time: every button is off while one runs (so a second
 * press cannot start a second refund), a refusal is worded in the page's language with each
 * refused field's text by path, and a write refreshes the page's server-rendered lists.
 */
export function useCounterAction() {
  const refusal = useLocalizeRefusal();
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const run = <T>(
    work: () => Promise<ActionResult<T>>,
    done: (data: T) => Promise<Feedback> | Feedback,
    options: { writes: boolean },
  ) =>
    start(async () => {
      const result = await work();
      if (!result.ok) {
        const worded = refusal(result);
        setFields(worded.fields);
        setFeedback({ ok: false, text: worded.message });
        return;
      }
      setFields({});
      setFeedback(await done(result.data));
      if (options.writes) router.refresh();
    });

  const clear = () => {
    setFields({});
    setFeedback(null);
  };

  return { run, clear, feedback, setFeedback, fields, busy: pending || !hydrated };
}
