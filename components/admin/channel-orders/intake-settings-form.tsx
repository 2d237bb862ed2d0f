"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { RunnerMessage } from "@/components/admin/allocation/editor-actions";
import { useChangeRunner } from "@/components/admin/allocation/use-change-runner";
import { useVersionedDraft } from "@/components/admin/allocation/use-versioned-draft";
import { setChannelIntakeSettingsAction } from "@/lib/channel-orders/actions";
import { UNPAID_HOLD_MINUTES } from "@/lib/channel-orders/channel-order-input";

type IntakeChannel = {
  code: string;
  version: number;
  acceptsPartialOrders: boolean;
  unpaidHoldMinutes: number;
};

/**
 * How the channel's marketplace orders are taken: refused whole or with the lines that can be
 * filled, and how long an order sent unpaid holds its stock.
 */
export function IntakeSettingsForm({ channel }: { channel: IntakeChannel }) {
  const t = useTranslations("allocation");
  const runner = useChangeRunner();
  const [accepts, setAccepts] = useVersionedDraft(channel.acceptsPartialOrders, channel.version);
  const [holdMinutes, setHoldMinutes] = useVersionedDraft(
    String(channel.unpaidHoldMinutes),
    channel.version,
  );
  const input = {
    channelCode: channel.code,
    acceptsPartialOrders: accepts,
    unpaidHoldMinutes: holdMinutes,
    version: channel.version,
  };
  const unchanged =
    accepts === channel.acceptsPartialOrders && holdMinutes === String(channel.unpaidHoldMinutes);
  const holdId = `unpaid-hold-${channel.code}`;
  return (
    <div className="text-sm" data-testid={`partial-${channel.code}`} data-version={channel.version}>
      <div className="flex flex-wrap items-end gap-3">
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
        <label className="flex items-center gap-2" htmlFor={holdId} title={t("unpaidHoldHelp")}>
          {t("unpaidHold")}
          <Input
            id={holdId}
            type="number"
            inputMode="numeric"
            compact
            className="w-20"
            min={UNPAID_HOLD_MINUTES.min}
            max={UNPAID_HOLD_MINUTES.max}
            value={holdMinutes}
            disabled={runner.disabled}
            aria-invalid={runner.fields.unpaidHoldMinutes ? true : undefined}
            aria-describedby={runner.fields.unpaidHoldMinutes ? `${holdId}-error` : undefined}
            onChange={(e) => setHoldMinutes(e.target.value)}
          />
          {t("unpaidHoldUnit")}
        </label>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={runner.disabled || unchanged}
          onClick={() =>
            runner.runSave(() => setChannelIntakeSettingsAction(input), t("partialSaved"))
          }
        >
          {t("save")}
        </Button>
        <RunnerMessage runner={runner} />
      </div>
      {runner.fields.unpaidHoldMinutes ? (
        <FieldError id={`${holdId}-error`}>{runner.fields.unpaidHoldMinutes}</FieldError>
      ) : null}
    </div>
  );
}
