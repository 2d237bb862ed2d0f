"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { RunnerMessage } from "@/components/admin/allocation/editor-actions";
import { useChangeRunner } from "@/components/admin/allocation/use-change-runner";
import { setChannelPartialOrdersAction } from "@/lib/channel-orders/actions";

/** Whether the channel's marketplace orders are refused whole or taken with the lines that can be filled. */
export function PartialOrdersSelect({
  channel,
}: {
  channel: { code: string; version: number; acceptsPartialOrders: boolean };
}) {
  const t = useTranslations("allocation");
  const runner = useChangeRunner();
  const [accepts, setAccepts] = useState(channel.acceptsPartialOrders);
  const input = {
    channelCode: channel.code,
    acceptsPartialOrders: accepts,
    version: channel.version,
  };
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm" data-testid={`partial-${channel.code}`}>
      <Select
        aria-label={`${t("partialOrders")} ${channel.code}`}
        compact
        value={accepts ? "accept" : "refuse"}
        disabled={runner.disabled}
        onChange={(e) => setAccepts(e.target.value === "accept")}
      >
        <option value="refuse">{t("partialRefuse")}</option>
        <option value="accept">{t("partialAccept")}</option>
      </Select>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={runner.disabled || accepts === channel.acceptsPartialOrders}
        onClick={() =>
          runner.runSave(() => setChannelPartialOrdersAction(input), t("partialSaved"))
        }
      >
        {t("save")}
      </Button>
      <RunnerMessage runner={runner} />
    </div>
  );
}
