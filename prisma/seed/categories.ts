import type { CategorySlug, SizeSystem } from "./catalogue-types";

export type CategorySpec = {
  slug: CategorySlug;
  name: string;
  nameZh: string;
  sizeSystem: SizeSystem;
};

/** The storefront's categories, in menu order. Socks and caps share "accessories". */
export const CATEGORIES: readonly CategorySpec[] = [
  { slug: "running-shoes", name: "Running Shoes", nameZh: "跑步鞋", sizeSystem: "SHOES" },
  { slug: "basketball-shoes", name: "Basketball Shoes", nameZh: "篮球鞋", sizeSystem: "SHOES" },
  { slug: "lifestyle-shoes", name: "Lifestyle Shoes", nameZh: "休闲鞋", sizeSystem: "SHOES" },
  { slug: "jackets", name: "Jackets", nameZh: "夹克外套", sizeSystem: "APPAREL" },
  { slug: "tees", name: "T-Shirts", nameZh: "T恤", sizeSystem: "APPAREL" },
  { slug: "hoodies", name: "Hoodies & Sweatshirts", nameZh: "卫衣", sizeSystem: "APPAREL" },
  { slug: "shorts", name: "Shorts", nameZh: "短裤", sizeSystem: "APPAREL" },
  { slug: "pants", name: "Pants & Tights", nameZh: "长裤", sizeSystem: "APPAREL" },
  { slug: "bags", name: "Bags", nameZh: "箱包", sizeSystem: "ONE_SIZE" },
  { slug: "accessories", name: "Socks & Caps", nameZh: "袜子与帽子", sizeSystem: "ONE_SIZE" },
];

/** The category's row id. */
export function categoryId(slug: CategorySlug): string {
  return `cat_${slug}`;
}
