"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { saveNodeAction, setNodeActiveAction } from "@/lib/nodes/actions";
import { NODE_TYPES, type NodeFacts } from "@/lib/nodes/node-input";
import { useConsoleAction } from "@/components/admin/use-console-action";

type Message = { ok: boolean; text: string } | null;
export type OwnerOption = { id: string; label: string };
export type EditedNode = NodeFacts & { id: string; fingerprint: string };

const TEXT_FIELDS = ["code", "name", "nameZh", "city", "cityZh", "district", "address"] as const;
const NUMBER_FIELDS = [
  ["latitude", "any"],
  ["longitude", "any"],
  ["sameCityRadiusKm", "any"],
  ["dailyCapacity", "1"],
  ["costPerShipment", "1"],
  ["costPerKm", "1"],
] as const;
const FLAGS = ["shipsExpress", "offersPickup", "offersSameCity"] as const;
const LABELS = {
  sameCityRadiusKm: "radius",
  dailyCapacity: "capacity",
} as const;

/** Creates a node, or edits one against the state it was read in. */
export function NodeForm({ node, owners }: { node: EditedNode | null; owners: OwnerOption[] }) {
  const t = useTranslations("stock.nodes");
  const router = useRouter();
  const { run, error, message, busy } = useConsoleAction("node");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const number = (name: string) => {
      const value = text(name).trim();
      return value === "" ? Number.NaN : Number(value);
    };
    run(
      () =>
        saveNodeAction({
          ...(node ? { id: node.id, fingerprint: node.fingerprint } : {}),
          code: text("code"),
          name: text("name"),
          nameZh: text("nameZh"),
          // The server refuses anything but a node type, next to the field.
          type: text("type") as NodeFacts["type"],
          organizationId: text("organizationId"),
          city: text("city"),
          cityZh: text("cityZh"),
          district: text("district"),
          address: text("address"),
          latitude: number("latitude"),
          longitude: number("longitude"),
          shipsExpress: form.get("shipsExpress") === "on",
          offersPickup: form.get("offersPickup") === "on",
          offersSameCity: form.get("offersSameCity") === "on",
          sameCityRadiusKm: number("sameCityRadiusKm"),
          dailyCapacity: number("dailyCapacity"),
          costPerShipment: number("costPerShipment"),
          costPerKm: number("costPerKm"),
        }),
      t("saved", { code: text("code").trim().toUpperCase() }),
      () => router.replace("/admin/nodes"),
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={node ? t("editTitle", { code: node.code }) : t("createTitle")}
      className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-3"
    >
      {TEXT_FIELDS.map((name) => (
        <Field key={name} label={t(name)} {...error(name).field}>
          <Input
            name={name}
            defaultValue={node?.[name] ?? ""}
            className="w-full"
            {...error(name).control}
          />
        </Field>
      ))}
      <Field label={t("type")} {...error("type").field}>
        <Select
          name="type"
          defaultValue={node?.type ?? "STORE_DIRECT"}
          className="w-full"
          {...error("type").control}
        >
          {NODE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("owner")} {...error("organizationId").field}>
        <Select
          name="organizationId"
          defaultValue={node?.organizationId ?? owners[0]?.id ?? ""}
          className="w-full"
          {...error("organizationId").control}
        >
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {NUMBER_FIELDS.map(([name, step]) => (
        <Field
          key={name}
          label={t(name in LABELS ? LABELS[name as keyof typeof LABELS] : name)}
          {...error(name).field}
        >
          <Input
            name={name}
            type="number"
            step={step}
            defaultValue={node?.[name] ?? 0}
            className="w-full"
            {...error(name).control}
          />
        </Field>
      ))}
      <fieldset className="flex flex-wrap items-center gap-4 text-sm sm:col-span-3">
        <legend className="mb-1 font-medium">{t("capabilities")}</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="flex items-center gap-2">
            <input type="checkbox" name={flag} defaultChecked={node?.[flag] ?? false} />
            {t(flag)}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-3 sm:col-span-3">
        <Button type="submit" disabled={busy}>
          {t("save")}
        </Button>
      </div>
      {message && (
        <Notice
          tone={message.ok ? "success" : "error"}
          className="sm:col-span-3"
          data-testid="node-result"
        >
          {message.text}
        </Notice>
      )}
    </form>
  );
}

/** Switches a node off (routing stops using it; open tasks stay) or back on. */
export function NodeActiveButton({
  node,
}: {
  node: { id: string; code: string; active: boolean; fingerprint: string };
}) {
  const t = useTranslations("stock.nodes");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<Message>(null);

  const toggle = () =>
    start(async () => {
      const result = await setNodeActiveAction({
        nodeId: node.id,
        active: !node.active,
        fingerprint: node.fingerprint,
      });
      if (result.ok) {
        setMessage({
          ok: true,
          text: t(result.data.active ? "switchedOn" : "switchedOff", { code: node.code }),
        });
        router.refresh();
      } else setMessage({ ok: false, text: refusal(result).message });
    });

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={!hydrated || pending}
        onClick={toggle}
      >
        {node.active ? t("deactivate") : t("activate")}
      </Button>
      {message && (
        <span
          role="status"
          className={message.ok ? "text-xs text-green-800" : "text-xs text-red-700"}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
