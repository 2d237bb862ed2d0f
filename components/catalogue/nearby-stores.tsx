import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import Link from "next/link";
import { centreOf, rankNearbyStores, type NearbyStore } from "@/lib/catalogue/nearby-stores";
import {
  listPickupStoreLocations,
  listPickupStoresWithStock,
} from "@/lib/catalogue/pickup-store-stock.server";
import { productHref, type ProductQuery } from "@/lib/catalogue/product-query";
import { SHOPPER_CITIES, shopperCity } from "@/lib/catalogue/shopper-cities";
import type { CatalogueSku } from "@/lib/catalogue/types";
import type { Db } from "@/lib/db/transaction.server";
import { localized } from "@/lib/i18n/localized";
import { CityDistrictSelect } from "./city-district-select";
import { UseLocationButton } from "./use-location-button";

type Search = { stores: NearbyStore[]; place: string };

/** Stores of the chosen city (or nearest to the shared location) that have the SKU, read fresh. */
async function searchStores(
  db: Db,
  sku: CatalogueSku,
  query: ProductQuery,
  locale: string,
  yourLocation: string,
): Promise<Search | null> {
  if (query.lat !== undefined && query.lng !== undefined) {
    const stores = await listPickupStoresWithStock(db, { skuId: sku.id });
    return {
      stores: rankNearbyStores(stores, { lat: query.lat, lng: query.lng }),
      place: yourLocation,
    };
  }
  const city = shopperCity(query.city);
  if (!city) return null;
  const locations = await listPickupStoreLocations();
  const inDistrict = locations.filter((l) => l.city === city.name && l.district === query.district);
  const origin = centreOf(inDistrict) ?? city.centre;
  const stores = await listPickupStoresWithStock(db, { skuId: sku.id, city: city.name });
  const cityName = localized(locale, city);
  return {
    stores: rankNearbyStores(stores, origin),
    place: inDistrict.length > 0 ? `${query.district}, ${cityName}` : cityName,
  };
}

/** "Check nearby stores": pick a city and district (a GET form) or share a location. */
export async function NearbyStores({
  db,
  styleCode,
  sku,
  query,
}: {
  db: Db;
  styleCode: string;
  sku: CatalogueSku | null;
  query: ProductQuery;
}) {
  const [t, locale, locations] = await Promise.all([
    getTranslations("catalogue"),
    getLocale(),
    listPickupStoreLocations(),
  ]);
  if (!sku) {
    return (
      <section aria-labelledby="nearby" className="space-y-2">
        <h2 id="nearby" className="text-lg font-bold">
          {t("nearbyTitle")}
        </h2>
        <p className="text-sm text-stone-600">{t("nearbyNeedsSize")}</p>
      </section>
    );
  }
  const search = await searchStores(db, sku, query, locale, t("yourLocation"));
  const districts = (city: string) => [
    ...new Set(locations.filter((l) => l.city === city).map((l) => l.district)),
  ];
  return (
    <section aria-labelledby="nearby" className="space-y-3">
      <h2 id="nearby" className="text-lg font-bold">
        {t("nearbyTitle")}
      </h2>
      <form
        action={`/products/${encodeURIComponent(styleCode)}`}
        method="get"
        className="grid grid-cols-2 gap-3 sm:grid-cols-[1fr_1fr_auto]"
      >
        <input type="hidden" name="colour" value={sku.color} />
        <input type="hidden" name="size" value={sku.size} />
        <CityDistrictSelect
          id="nearby"
          cities={SHOPPER_CITIES.map((c) => ({ value: c.name, label: localized(locale, c) }))}
          districts={SHOPPER_CITIES.flatMap((c) =>
            districts(c.name).map((d) => ({ city: c.name, value: d, label: d })),
          )}
          cityName="city"
          districtName="district"
          cityLabel={t("city")}
          districtLabel={t("district")}
          initialCity={query.city ?? SHOPPER_CITIES[0].name}
          initialDistrict={query.district ?? ""}
          emptyLabel={t("wholeCity")}
          compact
        />
        <div className="col-span-2 flex items-end sm:col-span-1">
          <Button type="submit" className="w-full">
            {t("checkStores")}
          </Button>
        </div>
      </form>
      <UseLocationButton baseHref={productHref(styleCode, { colour: sku.color, size: sku.size })} />
      {search ? (
        <div aria-live="polite" className="space-y-2">
          <p className="text-sm font-medium" data-testid="nearby-summary">
            {search.stores.length > 0
              ? t("nearbyFound", {
                  count: search.stores.length,
                  place: search.place,
                  size: sku.size,
                })
              : t("nearbyNone", { place: search.place, size: sku.size })}
          </p>
          {search.stores.length > 0 ? (
            <ol
              className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white"
              data-testid="nearby-stores"
            >
              {search.stores.map((s) => (
                <li
                  key={s.nodeId}
                  className="flex items-start justify-between gap-3 p-3 text-sm"
                  data-testid="nearby-store"
                  data-code={s.code}
                >
                  <div>
                    <p className="font-semibold">{localized(locale, s)}</p>
                    <p className="text-stone-600">
                      {s.district} · {s.address}
                    </p>
                  </div>
                  <div className="shrink-0 text-right">
                    <p className="font-semibold tabular-nums" data-testid="store-distance">
                      {t("distanceKm", { km: s.distanceKm.toFixed(1) })}
                    </p>
                    <p className="text-stone-600" data-testid="store-available">
                      {t("available", { count: s.available })}
                    </p>
                    <Link
                      href={`/checkout?store=${encodeURIComponent(s.code)}`}
                      className="font-medium underline underline-offset-2"
                      data-testid="pick-store"
                    >
                      {t("pickUpHere")}
                    </Link>
                  </div>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
