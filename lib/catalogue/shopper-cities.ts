/** The cities with stores a shopper can pick, with the point distances are measured from. */
export const SHOPPER_CITIES = [
  { name: "Shanghai", nameZh: "上海", centre: { lat: 31.2304, lng: 121.4737 } },
  { name: "Beijing", nameZh: "北京", centre: { lat: 39.9042, lng: 116.4074 } },
  { name: "Guangzhou", nameZh: "广州", centre: { lat: 23.1291, lng: 113.2644 } },
] as const;

export type ShopperCityName = (typeof SHOPPER_CITIES)[number]["name"];

export const SHOPPER_CITY_NAMES = SHOPPER_CITIES.map((c) => c.name) as [
  ShopperCityName,
  ...ShopperCityName[],
];

/** The city of that name, or undefined. */
export function shopperCity(name: string | undefined) {
  return SHOPPER_CITIES.find((c) => c.name === name);
}
