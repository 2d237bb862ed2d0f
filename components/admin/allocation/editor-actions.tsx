"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ChangeRunner } from "./use-change-runner";

/**
 * The foot of an allocation editor: preview, save (the form's submit), delete when the edited
 * row exists, cancel, and the outcome of the last run.
 */
export function EditorActions({
  runner,
  onPreview,
  onDelete,
  onCancel,
}: {
  runner: ChangeRunner;
  onPreview: () => void;
  /** Absent while the row is new: there is nothing to delete yet. */
  onDelete?: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("allocation");
  return (
    <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-4">
      <Button type="button" variant="secondary" disabled={runner.disabled} onClick={onPreview}>
        {t("preview")}
      </Button>
      <Button type="submit" disabled={runner.disabled}>
        {t("save")}
      </Button>
      {onDelete ? (
        <Button type="button" variant="danger" disabled={runner.disabled} onClick={onDelete}>
          {t("delete")}
        </Button>
      ) : null}
      <Button type="button" variant="link" disabled={runner.disabled} onClick={onCancel}>
        {t("cancel")}
      </Button>
      <RunnerMessage runner={runner} />
    </div>
  );
}

/** What the last preview or save said, in green or red; nothing before the first run. */
export function RunnerMessage({ runner }: { runner: ChangeRunner }) {
  return runner.message ? (
    <Notice tone={runner.message.ok ? "success" : "error"} variant="text">
      {runner.message.text}
    </Notice>
  ) : null;
}
