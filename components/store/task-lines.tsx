"use client";

import Image from "next/image";
import { useLocale, useTranslations } from "next-intl";
import type { StoreTask } from "@/lib/fulfilment/get-store-task.server";

type Line = StoreTask["lines"][number];

/** The items of a task; while picking, each line has a tick that marks it fully picked. */
export function TaskLines({
  lines,
  picking,
  pending,
  onTick,
}: {
  lines: Line[];
  picking: boolean;
  pending: boolean;
  onTick: (line: Line, picked: boolean) => void;
}) {
  const t = useTranslations("fulfilment.task");
  const zh = useLocale().startsWith("zh");
  return (
    <ul
      className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white"
      data-testid="task-lines"
    >
      {lines.map((line) => {
        const name = zh ? line.nameZh : line.name;
        const colour = zh ? line.colorZh : line.color;
        const done = line.pickedQty === line.quantity;
        return (
          <li key={line.id} className="flex gap-3 p-3">
            <Image
              src={line.imagePath}
              alt=""
              width={64}
              height={64}
              className="h-16 w-16 shrink-0 rounded bg-stone-100 object-contain p-1"
            />
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-semibold">{name}</p>
              <p className="text-stone-600">{t("colourSize", { colour, size: line.size })}</p>
              <p className="font-mono text-xs text-stone-500">
                {t("sku")} {line.skuCode} · {t("barcode")} {line.barcode}
              </p>
              <p className="mt-1">
                <span className="font-semibold">{t("quantity", { count: line.quantity })}</span>
                <span className="ml-2 text-stone-600" data-testid="picked-count">
                  {t("picked", { picked: line.pickedQty, quantity: line.quantity })}
                </span>
              </p>
            </div>
            {picking ? (
              <label className="flex items-center">
                <input
                  type="checkbox"
                  className="h-6 w-6"
                  checked={done}
                  disabled={pending}
                  aria-label={t("tick", { name, colour, size: line.size })}
                  onChange={(e) => onTick(line, e.target.checked)}
                />
              </label>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
