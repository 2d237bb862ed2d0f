"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import type { ActionFailure } from "@/lib/actions/result";
import { placeCheckoutOrder } from "@/lib/checkout/actions";
import type { RoutingAvailability } from "@/lib/errors/error-details";
import { localizeAvailability } from "@/lib/i18n/localize-refusal";
import type { DeliveryArea, MethodOption, PickupStoreOption } from "./checkout-types";
import { CouponField } from "./coupon-field";

/** The "what is available where" of an out-of-stock refusal, when the order engine sent it. */
function availabilityOf(failure: ActionFailure): readonly RoutingAvailability[] {
  if (failure.code !== "OUT_OF_STOCK") return [];
  const details = failure.details;
  const routed = details?.reason === "NO_NODE_CAN_FILL" || details?.reason === "SPLIT_LIMIT";
  return routed ? details.availability : [];
}

/** Method, store or address, contact, coupon and points; "Place order" goes to payment. */
export function CheckoutForm(props: {
  idempotencyKey: string;
  methods: MethodOption[];
  stores: PickupStoreOption[];
  initialMethod: MethodOption["method"] | null;
  initialStoreId: string | null;
  area: DeliveryArea | null;
  contactName: string;
  holdSeconds: number | null;
  /** Cart line names by SKU, to say which item is short. */
  lineNames: Record<string, string>;
  /** The member's points; null for a buyer without coupons and points (an employee). */
  pointsBalance: number | null;
}) {
  const t = useTranslations("checkout");
  const intl = { t: useTranslations("errors"), locale: useLocale() };
  const [method, setMethod] = useState(props.initialMethod);
  const [onlyEverything, setOnlyEverything] = useState(false);
  const refusal = useLocalizeRefusal();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function submit(form: FormData) {
    if (pending) return;
    const value = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v : undefined;
    };
    startTransition(async () => {
      setFailure(null);
      const result = await placeCheckoutOrder({
        idempotencyKey: props.idempotencyKey,
        method: (value("method") ?? "") as MethodOption["method"],
        storeNodeId: value("storeNodeId"),
        addressLine: value("addressLine"),
        city: props.area?.city,
        latitude: props.area?.latitude,
        longitude: props.area?.longitude,
        contactName: value("contactName") ?? "",
        contactPhone: value("contactPhone"),
        couponCode: value("couponCode"),
        pointsToRedeem: value("pointsToRedeem"),
        holdSeconds: props.holdSeconds ?? undefined,
      });
      if (result.ok) {
        window.location.assign(result.data.redirectUrl);
        return;
      }
      setFailure(result);
    });
  }

  const refused = failure ? refusal(failure) : null;
  const fieldError = (name: string) => refused?.fields[name];

  return (
    <form action={submit} className="space-y-6" aria-label={t("formLabel")}>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-bold">{t("howToGet")}</legend>
        {props.methods.map((m) => (
          <label
            key={m.method}
            className={`flex gap-3 rounded-xl border p-4 ${m.available ? "border-stone-300 bg-white" : "border-stone-200 bg-stone-50 text-stone-500"}`}
            data-testid={`method-${m.method}`}
          >
            <input
              type="radio"
              name="method"
              value={m.method}
              disabled={!m.available}
              checked={method === m.method}
              onChange={() => setMethod(m.method)}
              aria-label={t(`method.${m.method}`)}
            />
            <span className="flex-1 space-y-1">
              <span className="flex flex-wrap justify-between gap-2 font-semibold">
                <span>{t(`method.${m.method}`)}</span>
                <span>{m.feeText}</span>
              </span>
              {m.promisedText && <span className="block text-sm">{m.promisedText}</span>}
              {m.fromText && <span className="block text-sm text-stone-500">{m.fromText}</span>}
              {!m.available && m.reason && (
                <span
                  className="block text-sm text-amber-700"
                  data-testid={`method-${m.method}-reason`}
                >
                  {m.reason}
                </span>
              )}
            </span>
          </label>
        ))}
      </fieldset>

      {method === "PICKUP" && (
        <fieldset
          className="space-y-2"
          aria-describedby={fieldError("storeNodeId") ? "checkout-store-error" : undefined}
        >
          <legend className="mb-2 font-bold">{t("pickupStore")}</legend>
          {props.stores.length === 0 && (
            <p className="text-sm text-stone-500">{t("noPickupStores")}</p>
          )}
          {props.stores.some((s) => !s.hasEverything) && (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={onlyEverything}
                disabled={!hydrated}
                onChange={(e) => setOnlyEverything(e.target.checked)}
              />
              {t("onlyEverything")}
            </label>
          )}
          <ul className="max-h-80 space-y-2 overflow-y-auto" data-testid="pickup-stores">
            {props.stores.map((s) => (
              <li
                key={s.nodeId}
                hidden={onlyEverything && !s.hasEverything && s.nodeId !== props.initialStoreId}
                data-testid="pickup-store"
                data-code={s.code}
              >
                <label className="flex items-start gap-3 rounded-lg border border-stone-200 bg-white p-3">
                  <input
                    type="radio"
                    name="storeNodeId"
                    value={s.nodeId}
                    defaultChecked={s.nodeId === props.initialStoreId}
                    aria-label={s.name}
                  />
                  <span className="flex-1 text-sm">
                    <span className="block font-medium">{s.name}</span>
                    <span className={s.hasEverything ? "text-emerald-700" : "text-amber-700"}>
                      {s.hasEverything ? t("hasEverything") : t("shipsToStore")}
                    </span>
                    {s.distanceText && (
                      <span className="ml-2 text-stone-500" data-testid="pickup-store-distance">
                        {s.distanceText}
                      </span>
                    )}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {fieldError("storeNodeId") && (
            <FieldError id="checkout-store-error">{fieldError("storeNodeId")}</FieldError>
          )}
        </fieldset>
      )}

      {(method === "SAME_CITY" || method === "EXPRESS") && (
        <fieldset className="space-y-2">
          <legend className="mb-2 font-bold">{t("deliverTo")}</legend>
          {props.area ? (
            <p className="text-sm">{t("deliveryArea", { area: props.area.label })}</p>
          ) : (
            <p className="text-sm text-amber-700">{t("chooseAreaFirst")}</p>
          )}
          <Field
            label={t("addressLine")}
            error={fieldError("addressLine")}
            errorId="checkout-address-error"
          >
            <Input
              name="addressLine"
              className="w-full"
              autoComplete="street-address"
              aria-describedby={fieldError("addressLine") ? "checkout-address-error" : undefined}
            />
          </Field>
        </fieldset>
      )}

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-bold">{t("contact")}</legend>
        <Field label={t("contactName")}>
          <Input
            name="contactName"
            defaultValue={props.contactName}
            className="w-full"
            autoComplete="name"
          />
        </Field>
        <Field label={t("contactPhone")}>
          <Input name="contactPhone" className="w-full" autoComplete="tel" inputMode="tel" />
        </Field>
      </fieldset>

      {props.pointsBalance !== null && (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 font-bold">{t("savings")}</legend>
          <CouponField />
          <Field
            label={t("points")}
            error={fieldError("pointsToRedeem")}
            errorId="checkout-points-error"
          >
            <Input
              name="pointsToRedeem"
              className="w-full"
              inputMode="numeric"
              aria-invalid={fieldError("pointsToRedeem") ? true : undefined}
              aria-describedby={fieldError("pointsToRedeem") ? "checkout-points-error" : undefined}
            />
            <span className="mt-1 block text-xs text-stone-500">
              {t("pointsBalance", { points: props.pointsBalance })}
            </span>
          </Field>
        </fieldset>
      )}

      {failure && (
        <Notice as="div" tone="error" data-testid="checkout-error">
          <p className="font-semibold">{refused?.message}</p>
          {availabilityOf(failure).length > 0 && (
            <ul className="mt-2 list-disc pl-5" data-testid="checkout-availability">
              {localizeAvailability(availabilityOf(failure), intl).map((a) => (
                <li key={a.skuId}>
                  {t("availableWhere", {
                    item: a.item ?? props.lineNames[a.skuId] ?? t("unnamedItem"),
                    requested: a.requested,
                  })}{" "}
                  {a.nodes.map((n) => `${n.name} (${n.quantity})`).join(", ") || t("nowhere")}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-red-700">{t("nothingReserved")}</p>
        </Notice>
      )}

      <Button
        type="submit"
        size="lg"
        disabled={!hydrated || pending || method === null}
        className="w-full sm:w-auto"
      >
        {pending ? t("placing") : t("placeOrder")}
      </Button>
    </form>
  );
}
