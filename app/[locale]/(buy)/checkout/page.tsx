import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CityDistrictSelect } from "@/components/catalogue/city-district-select";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import type {
  DeliveryArea,
  MethodOption,
  PickupStoreOption,
} from "@/components/checkout/checkout-types";
import { DELIVERY_PRESETS, deliveryPreset } from "@/components/checkout/delivery-presets";
import { UseMyLocation } from "@/components/checkout/use-my-location";
import { Button } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { findMemberOf } from "@/lib/members/member.server";
import { BUYER_ROLES } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session.server";
import { peekCurrentCart } from "@/lib/cart/get-cart.server";
import { shopChannelOf } from "@/lib/cart/shop-channel.server";
import { shopPaths } from "@/lib/cart/shop-paths";
import { findStoreByCode } from "@/lib/checkout/find-store-by-code.server";
import { getDb } from "@/lib/db/client.server";
import { requireActiveEmployee } from "@/lib/employee/employee-access.server";
import { env } from "@/lib/env";
import { getLocalizeRefusal } from "@/lib/i18n/localize-refusal.server";
import { formatMoney } from "@/lib/i18n/money";
import { localized } from "@/lib/i18n/localized";
import { SERVICE_LEVEL } from "@/lib/orders/promise-time";
import { quoteMethods, type MethodQuote } from "@/lib/orders/quote-methods.server";
import { readSearchParam } from "@/lib/validation/route-params";

type Search = { area?: string; lat?: string; lng?: string; store?: string; holdSeconds?: string };

function pointOf(search: Search): { latitude: number; longitude: number } | undefined {
  const preset = deliveryPreset(search.area);
  if (preset) return { latitude: preset.latitude, longitude: preset.longitude };
  const latitude = Number(search.lat);
  const longitude = Number(search.lng);
  if (search.lat && search.lng && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) return { latitude, longitude };
  }
  return undefined;
}

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const query = new URLSearchParams(
    Object.entries(search).filter(([, v]) => typeof v === "string"),
  ).toString();
  const user = await requirePageRole(BUYER_ROLES, `/checkout${query ? `?${query}` : ""}`);
  const db = await getDb();
  await requireActiveEmployee(db, user);
  const [t, locale, format, cart, localizeRefusal] = await Promise.all([
    getTranslations("checkout"),
    getLocale(),
    getFormatter(),
    peekCurrentCart(db),
    getLocalizeRefusal(),
  ]);
  const lines = cart.lines
    .filter((l) => l.sellable)
    .map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
  if (lines.length === 0) {
    return (
      <div className="space-y-4">
        <PageTitle title={t("title")} />
        <p data-testid="checkout-empty">{t("emptyCart")}</p>
        <Link href={shopPaths(shopChannelOf(user).code).browse} className="font-semibold underline">
          {t("continueShopping")}
        </Link>
      </div>
    );
  }

  const shop = shopChannelOf(user);
  // Coupons and points are member perks; an employee pays employee prices instead.
  const member = shop.code === "WEB" ? await findMemberOf(db, user.id) : null;
  const storeCode = readSearchParam(search.store);
  const chosenStore = storeCode ? await findStoreByCode(db, storeCode) : null;
  const storeProblem = storeCode
    ? !chosenStore
      ? t("unknownStore", { code: storeCode })
      : !chosenStore.offersPickup || !chosenStore.active
        ? t("storeNoPickup", { store: localized(locale, chosenStore) })
        : null
    : null;
  const point = pointOf(search);
  const quotes = await quoteMethods(db, {
    channelCode: shop.code,
    lines,
    point,
    pickupNodeId: chosenStore && !storeProblem ? chosenStore.id : undefined,
  });

  const lineNames: Record<string, string> = Object.fromEntries(
    cart.lines.map((l) => [
      l.skuId,
      `${localized(locale, { name: l.productName, nameZh: l.productNameZh })} · ${l.size}`,
    ]),
  );
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : null;
  const methods: MethodOption[] = quotes.map((q: MethodQuote) => ({
    method: q.method,
    available: q.available && (q.method === "PICKUP" || point !== undefined),
    feeText: q.fee === 0 ? t("free") : formatMoney(q.fee, locale),
    promisedText:
      q.available && q.promisedBy
        ? t(q.method === "PICKUP" ? "readyBy" : "deliveredBy", { when: when(q.promisedBy) ?? "" })
        : q.available && q.method === "PICKUP"
          ? t("pickupWhenChosen", {
              hours: SERVICE_LEVEL.pickupReadyHours,
              days: SERVICE_LEVEL.expressDays,
            })
          : null,
    fromText:
      q.available && q.nodes.length
        ? t("from", { nodes: q.nodes.map((n) => localized(locale, n)).join(", ") })
        : null,
    reason:
      q.method !== "PICKUP" && !point
        ? t("chooseAreaFirst")
        : q.reason
          ? reasonText(t, q, localizeRefusal, {
              locale,
              lineName: (skuId) => lineNames[skuId] ?? skuId,
            })
          : null,
  }));
  const pickup = quotes.find((q) => q.method === "PICKUP");
  const stores: PickupStoreOption[] = (pickup?.pickupStores ?? []).map((s) => ({
    nodeId: s.nodeId,
    code: s.code,
    name: localized(locale, s),
    distanceText: s.distanceKm === null ? null : t("distanceKm", { km: s.distanceKm.toFixed(1) }),
    hasEverything: s.hasEverything,
  }));
  const preset = deliveryPreset(search.area);
  const area: DeliveryArea | null = preset
    ? {
        label: `${localized(locale, { name: preset.city, nameZh: preset.cityZh })} · ${localized(locale, { name: preset.district, nameZh: preset.districtZh })}`,
        city: preset.city,
        latitude: preset.latitude,
        longitude: preset.longitude,
      }
    : point
      ? {
          label: t("myLocation"),
          city: t("myLocation"),
          latitude: point.latitude,
          longitude: point.longitude,
        }
      : null;
  const initialStoreId = chosenStore && !storeProblem ? chosenStore.id : null;
  const preferred = initialStoreId ? "PICKUP" : point ? "SAME_CITY" : "PICKUP";
  const initialMethod =
    methods.find((m) => m.method === preferred && m.available)?.method ??
    methods.find((m) => m.available)?.method ??
    null;
  const holdSeconds =
    env.E2E_SHORT_HOLDS && search.holdSeconds ? Number(search.holdSeconds) || null : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_320px]">
      <div className="space-y-6">
        <PageTitle title={t("title")} subtitle={t("subtitle")} />
        <form
          method="get"
          action="/checkout"
          className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4"
          aria-label={t("areaFormLabel")}
        >
          <CityDistrictSelect
            id="checkout-area"
            cities={[...new Map(DELIVERY_PRESETS.map((p) => [p.city, p])).values()].map((p) => ({
              value: p.city,
              label: localized(locale, { name: p.city, nameZh: p.cityZh }),
            }))}
            districts={DELIVERY_PRESETS.map((p) => ({
              city: p.city,
              value: p.key,
              label: `${localized(locale, { name: p.city, nameZh: p.cityZh })} · ${localized(locale, { name: p.district, nameZh: p.districtZh })}`,
            }))}
            districtName="area"
            cityLabel={t("city")}
            districtLabel={t("deliveryAreaLabel")}
            initialCity={preset?.city ?? DELIVERY_PRESETS[0]?.city ?? ""}
            initialDistrict={preset?.key ?? ""}
            emptyLabel={t("noArea")}
          />
          {chosenStore && !storeProblem && <input type="hidden" name="store" value={storeCode} />}
          {search.holdSeconds && (
            <input type="hidden" name="holdSeconds" value={search.holdSeconds} />
          )}
          <Button type="submit">{t("showOptions")}</Button>
          <UseMyLocation />
        </form>
        {storeProblem && (
          <Notice tone="warning" role="alert" data-testid="store-problem">
            {storeProblem}
          </Notice>
        )}
        <CheckoutForm
          idempotencyKey={randomUUID()}
          methods={methods}
          stores={stores}
          initialMethod={initialMethod}
          initialStoreId={initialStoreId}
          area={area}
          contactName={user.name}
          holdSeconds={holdSeconds}
          pointsBalance={shop.code === "WEB" ? (member?.pointsBalance ?? 0) : null}
          lineNames={lineNames}
        />
      </div>
      <aside
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 lg:self-start"
        aria-label={t("summary")}
      >
        <h2 className="font-bold">{t("summary")}</h2>
        <ul className="space-y-2 text-sm">
          {cart.lines.map((l) => (
            <li key={l.skuId} className="flex justify-between gap-2">
              <span>
                {localized(locale, { name: l.productName, nameZh: l.productNameZh })} ·{" "}
                {localized(locale, { name: l.color, nameZh: l.colorZh })} · {l.size} × {l.quantity}
              </span>
              <Money fen={l.lineTotal} />
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-stone-200 pt-2 font-semibold">
          <span>{t("subtotal")}</span>
          <Money fen={cart.subtotal} />
        </p>
        <p className="text-xs text-stone-500">{t("feesAtNextStep")}</p>
      </aside>
    </div>
  );
}

/**
 * Why a method cannot serve, in the page's language. Same-city says which applies: no store
 * delivers to the address, a store that has everything is at today's capacity, or what is missing.
 */
function reasonText(
  t: Awaited<ReturnType<typeof getTranslations<"checkout">>>,
  quote: MethodQuote,
  localizeRefusal: Awaited<ReturnType<typeof getLocalizeRefusal>>,
  names: { locale: string; lineName: (skuId: string) => string },
): string {
  const reason = quote.reason;
  if (!reason) return "";
  const sameCity = quote.method === "SAME_CITY" ? quote.sameCity : undefined;
  if (!sameCity) return localizeRefusal(reason.refusal).message;
  const storeName = (code: string) => {
    const node = sameCity.stores.find((n) => n.code === code);
    return node ? localized(names.locale, node) : code;
  };
  const { verdict } = sameCity;
  switch (verdict.kind) {
    case "OUTSIDE_EVERY_RADIUS":
      return verdict.nearest
        ? t("sameCityOutside", {
            store: storeName(verdict.nearest.code),
            radiusKm: verdict.nearest.radiusKm,
            distanceKm: verdict.nearest.distanceKm.toFixed(1),
          })
        : t("outsideRadius");
    case "AT_CAPACITY":
      return t("sameCityAtCapacity", {
        stores: verdict.stores.map((st) => storeName(st.code)).join(", "),
      });
    case "MISSING":
      return verdict.missing.length > 0
        ? t("sameCityMissing", {
            count: verdict.storeCount,
            items: verdict.missing
              .map((m) =>
                t("missingItem", {
                  item: names.lineName(m.skuId),
                  requested: m.requested,
                  available: m.available,
                }),
              )
              .join("; "),
          })
        : t("sameCityNotInOneStore", { count: verdict.storeCount });
  }
}
