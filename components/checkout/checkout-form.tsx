"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { placeCheckoutOrder } from "@/lib/checkout/actions";
import type { DeliveryArea, MethodOption, PickupStoreOption } from "./checkout-types";
import { CouponField } from "./coupon-field";

type Failure = {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
};

type Availability = {
  skuId: string;
  requested: number;
  nodes: { code: string; name: string; quantity: number }[];
};

/** The "what is available where" of an out-of-stock refusal, when the order engine sent it. */
function availabilityOf(failure: Failure): Availability[] {
  const list = failure.details?.availability;
  return Array.isArray(list) ? (list as Availability[]) : [];
}

const field = "w-full rounded-lg border border-stone-300 px-3 py-2";

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
  pointsBalance: number;
}) {
  const t = useTranslations("checkout");
  const [method, setMethod] = useState(props.initialMethod);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();

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

  const fieldError = (name: string) => failure?.fieldErrors?.[name]?.join(" ");

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
        <fieldset className="space-y-2">
          <legend className="mb-2 font-bold">{t("pickupStore")}</legend>
          {props.stores.length === 0 && (
            <p className="text-sm text-stone-500">{t("noPickupStores")}</p>
          )}
          <ul className="max-h-80 space-y-2 overflow-y-auto">
            {props.stores.map((s) => (
              <li key={s.nodeId}>
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
                      <span className="ml-2 text-stone-500">{s.distanceText}</span>
                    )}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {fieldError("storeNodeId") && (
            <p className="text-sm text-red-700">{fieldError("storeNodeId")}</p>
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
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("addressLine")}</span>
            <input name="addressLine" className={field} autoComplete="street-address" />
          </label>
          {fieldError("addressLine") && (
            <p className="text-sm text-red-700">{fieldError("addressLine")}</p>
          )}
        </fieldset>
      )}

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-bold">{t("contact")}</legend>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("contactName")}</span>
          <input
            name="contactName"
            defaultValue={props.contactName}
            className={field}
            autoComplete="name"
          />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("contactPhone")}</span>
          <input name="contactPhone" className={field} autoComplete="tel" inputMode="tel" />
        </label>
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-bold">{t("savings")}</legend>
        <CouponField className={field} />
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("points")}</span>
          <input name="pointsToRedeem" className={field} inputMode="numeric" />
          <span className="mt-1 block text-xs text-stone-500">
            {t("pointsBalance", { points: props.pointsBalance })}
          </span>
        </label>
      </fieldset>

      {failure && (
        <div
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          data-testid="checkout-error"
        >
          <p className="font-semibold">{t(`refusal.${refusalKey(failure.code)}`)}</p>
          <p>{failure.message}</p>
          {availabilityOf(failure).length > 0 && (
            <ul className="mt-2 list-disc pl-5" data-testid="checkout-availability">
              {availabilityOf(failure).map((a) => (
                <li key={a.skuId}>
                  {t("availableWhere", {
                    item: props.lineNames[a.skuId] ?? a.skuId,
                    requested: a.requested,
                  })}{" "}
                  {a.nodes
                    .filter((n) => n.quantity > 0)
                    .map((n) => `${n.name} (${n.quantity})`)
                    .join(", ") || t("nowhere")}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-red-700">{t("nothingReserved")}</p>
        </div>
      )}

      <button
        type="submit"
        disabled={pending || method === null}
        className="w-full rounded-full bg-ink px-6 py-3 font-semibold text-white disabled:opacity-50 sm:w-auto"
      >
        {pending ? t("placing") : t("placeOrder")}
      </button>
    </form>
  );
}

const KNOWN = [
  "OUT_OF_STOCK",
  "UNDELIVERABLE",
  "INVALID_INPUT",
  "CONFLICT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "RATE_LIMITED",
] as const;

function refusalKey(code: string): string {
  return (KNOWN as readonly string[]).includes(code) ? code : "OTHER";
}
