"use client";

import { useLocale, useTranslations } from "next-intl";
import { IntakeSettingsForm } from "@/components/admin/channel-orders/intake-settings-form";
import { takesOrdersThroughApi } from "@/lib/channel-orders/channel-order-input";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  previewAllocationChangeAction,
  setChannelPriorityAction,
} from "@/lib/allocation-console/actions";
import { localized } from "@/lib/i18n/localized";
import { AllocationPreview } from "./allocation-preview";
import { RunnerMessage } from "./editor-actions";
import type { ConsoleChannel, ConsolePolicy } from "./console-types";
import { fieldAria, useChangeRunner } from "./use-change-runner";
import { useVersionedDraft } from "./use-versioned-draft";

/** One channel's priority, previewed and saved on its own with the version it was opened at. */
function PriorityRow({
  channel,
  channels,
  policies,
}: {
  channel: ConsoleChannel;
  channels: readonly ConsoleChannel[];
  policies: readonly ConsolePolicy[];
}) {
  const t = useTranslations("allocation");
  const locale = useLocale();
  const runner = useChangeRunner();
  const [priority, setPriority] = useVersionedDraft(String(channel.priority), channel.version);
  const form = `priority-${channel.code}`;
  const input = { channelCode: channel.code, priority, version: channel.version };
  return (
    <li className="py-2" data-testid={form}>
      <div className="flex flex-wrap items-end gap-3">
        <span className="w-48 text-sm">
          {channel.code} · {localized(locale, channel)}
        </span>
        <div className="text-sm">
          <Input
            aria-label={`${t("priority")} ${channel.code}`}
            type="number"
            step="1"
            className="w-20"
            value={priority}
            disabled={runner.disabled}
            {...fieldAria(runner, form, "priority")}
            onChange={(e) => setPriority(e.target.value)}
          />
        </div>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={runner.disabled}
          onClick={() =>
            runner.runPreview(() =>
              previewAllocationChangeAction({ change: { kind: "priority", channel: input } }),
            )
          }
        >
          {t("preview")}
        </Button>
        <Button
          type="button"
          size="sm"
          disabled={runner.disabled}
          onClick={() => runner.runSave(() => setChannelPriorityAction(input), t("saved"))}
        >
          {t("save")}
        </Button>
        <RunnerMessage runner={runner} />
      </div>
      {takesOrdersThroughApi(channel.kind) ? (
        <div className="mt-2">
          <IntakeSettingsForm channel={channel} />
        </div>
      ) : null}
      {runner.fields.priority ? (
        <FieldError id={`${form}-priority-error`}>{runner.fields.priority}</FieldError>
      ) : null}
      {runner.preview ? (
        <div className="mt-2">
          <AllocationPreview rows={runner.preview} channels={channels} policies={policies} />
        </div>
      ) : null}
    </li>
  );
}

/** Every channel's value tier, editable one by one. */
export function ChannelPriorities({
  channels,
  policies,
}: {
  channels: readonly ConsoleChannel[];
  policies: readonly ConsolePolicy[];
}) {
  return (
    <ul className="divide-y divide-stone-100">
      {channels.map((c) => (
        <PriorityRow key={c.id} channel={c} channels={channels} policies={policies} />
      ))}
    </ul>
  );
}
