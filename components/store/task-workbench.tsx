"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import {
  advanceTask,
  confirmPickup,
  handTaskToCourier,
  pickTaskLines,
  rejectTask,
} from "@/lib/fulfilment/actions";
import type { ActionResult } from "@/lib/actions/result";
import type { StoreTask } from "@/lib/fulfilment/get-store-task.server";
import { ActionFeedback } from "./action-feedback";
import { TaskLines } from "./task-lines";
import { pickedWording } from "@/lib/fulfilment/pick-wording";
import { useHydrated } from "@/components/ui/use-hydrated";

// Step buttons span the phone's width, where staff tap them with a thumb.
const wide = "w-full sm:w-auto";

/** Everything staff do on one task: tick or scan lines, the next step, courier, code, reject. */
export function TaskWorkbench({ task }: { task: StoreTask }) {
  const t = useTranslations("fulfilment");
  const refusal = useLocalizeRefusal();
  const router = useRouter();
  const [transitionPending, start] = useTransition();
  const hydrated = useHydrated();
  const pending = transitionPending || !hydrated;
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const id = task.id;

  function run<T>(call: () => Promise<ActionResult<T>>, done: (data: T) => string | null) {
    start(async () => {
      const result = await call();
      if (result.ok) {
        const text = done(result.data);
        setFeedback(text ? { ok: true, text } : null);
        router.refresh();
      } else {
        setFeedback({ ok: false, text: refusal(result).message });
        // A refusal may still have counted something (a wrong pickup code): show it.
        router.refresh();
      }
    });
  }
  const picked = pickedWording({
    lineCount: task.lines.length,
    parcelsWaiting: task.parcelsWaiting,
  });
  const statusText = (data: { status: string }) =>
    data.status === "PICKED"
      ? t(`pickedWording.${picked}`)
      : data.status in DONE_KEYS
        ? t(`done.${data.status as DoneKey}`)
        : null;

  const picking = task.status === "ACCEPTED" && task.side === "node";
  return (
    <div className="space-y-4">
      <ActionFeedback message={feedback} />
      {task.lines.length > 0 ? (
        <TaskLines
          lines={task.lines}
          picking={picking}
          pending={pending}
          onTick={(line, picked) =>
            run(
              () =>
                pickTaskLines({
                  fulfilmentOrderId: id,
                  ticks: [{ lineId: line.id, pickedQty: picked ? line.quantity : 0 }],
                }),
              statusText,
            )
          }
        />
      ) : (
        <p className="rounded-lg bg-stone-100 p-3 text-sm">{t("task.noLines")}</p>
      )}
      {picking ? (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const barcode = String(new FormData(form).get("barcode") ?? "");
            run(
              () => pickTaskLines({ fulfilmentOrderId: id, barcode }),
              (data) => {
                form.reset();
                return statusText(data);
              },
            );
          }}
        >
          <Field label={t("task.scanLabel")} className="flex-1">
            <Input
              name="barcode"
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              className="w-full"
            />
          </Field>
          <Button type="submit" size="lg" disabled={pending} className={wide}>
            {t("task.scan")}
          </Button>
        </form>
      ) : null}
      {picking && task.lines.length === 0 ? (
        <Button
          size="lg"
          disabled={pending}
          className={wide}
          onClick={() => run(() => pickTaskLines({ fulfilmentOrderId: id, ticks: [] }), statusText)}
        >
          {t("task.nothingToPick")}
        </Button>
      ) : null}
      <NextStep task={task} pending={pending} run={run} statusText={statusText} />
      {task.canReject && task.side === "node" ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer text-sm font-medium text-red-700">
            {t("task.reject")}
          </summary>
          <form
            className="mt-3 space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
              run(
                () => rejectTask({ fulfilmentOrderId: id, reason }),
                () => t("done.REJECTED"),
              );
            }}
          >
            <Field label={t("task.rejectReason")}>
              <Textarea name="reason" required minLength={3} maxLength={500} className="w-full" />
            </Field>
            <Button type="submit" variant="danger" disabled={pending}>
              {t("task.rejectConfirm")}
            </Button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

const DONE_KEYS = {
  ACCEPTED: 1,
  PICKED: 1,
  PACKED: 1,
  READY_FOR_PICKUP: 1,
  HANDED_TO_COURIER: 1,
  DELIVERED: 1,
  PICKED_UP: 1,
  REJECTED: 1,
} as const;
type DoneKey = keyof typeof DONE_KEYS;

type Run = <T>(call: () => Promise<ActionResult<T>>, done: (data: T) => string | null) => void;

/** The one forward step the task's state allows, with the form it needs. */
function NextStep({
  task,
  pending,
  run,
  statusText,
}: {
  task: StoreTask;
  pending: boolean;
  run: Run;
  statusText: (d: { status: string }) => string | null;
}) {
  const t = useTranslations("fulfilment");
  const id = task.id;
  const step = (name: "accept" | "pack" | "ready" | "delivered", label: string) => (
    <Button
      size="lg"
      disabled={pending}
      className={wide}
      onClick={() => run(() => advanceTask({ fulfilmentOrderId: id, step: name }), statusText)}
    >
      {label}
    </Button>
  );
  if (task.side === "receiver") {
    return task.status === "HANDED_TO_COURIER" ? step("delivered", t("step.received")) : null;
  }
  switch (task.nextStep) {
    case "ACCEPTED":
      return step("accept", t("step.accept"));
    case "PACKED":
      return step("pack", t("step.pack"));
    case "READY_FOR_PICKUP":
      return step("ready", t("step.ready"));
    case "DELIVERED":
      // A parcel's arrival is confirmed by the store that receives it.
      return task.isParcel ? null : step("delivered", t("step.delivered"));
    case "HANDED_TO_COURIER":
      return (
        <form
          className="grid gap-2 sm:grid-cols-3 sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            run(
              () =>
                handTaskToCourier({
                  fulfilmentOrderId: id,
                  courierName: String(data.get("courierName") ?? ""),
                  trackingNo: String(data.get("trackingNo") ?? ""),
                }),
              statusText,
            );
          }}
        >
          <Field label={t("task.courier")}>
            <Input name="courierName" required className="w-full" />
          </Field>
          <Field label={t("task.trackingNo")}>
            <Input name="trackingNo" required className="w-full" />
          </Field>
          <Button type="submit" size="lg" disabled={pending} className={wide}>
            {t("step.courier")}
          </Button>
        </form>
      );
    case "PICKED_UP":
      return (
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            const code = String(new FormData(e.currentTarget).get("code") ?? "");
            run(() => confirmPickup({ fulfilmentOrderId: id, code }), statusText);
          }}
        >
          <Field label={t("pickup.codeLabel")} className="flex-1">
            <Input
              name="code"
              inputMode="numeric"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              autoComplete="off"
              className="w-full"
            />
          </Field>
          <Button type="submit" size="lg" disabled={pending} className={wide}>
            {t("pickup.confirm")}
          </Button>
        </form>
      );
    default:
      return null;
  }
}
