import type { CategorySlug, ColourKey } from "./catalogue-types";

export type KitSpec = {
  code: string;
  category: CategorySlug;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  priceYuan: number;
  /** One bundle SKU per variant; components are SKU codes of the regular catalogue. */
  variants: readonly {
    colour: ColourKey;
    size: string;
    sizeOrder: number;
    components: readonly { skuCode: string; quantity: number }[];
  }[];
};

const runKit = (size: number, socks: string) => ({
  colour: "BLK" as const,
  size: String(size),
  sizeOrder: size,
  components: [
    { skuCode: `RN-101-BLK-${size}`, quantity: 1 },
    { skuCode: `AC-951-WHT-${socks}`, quantity: 1 },
    { skuCode: "AC-953-BLK-OS", quantity: 1 },
  ],
});

/** Bundles (组合商品): sold as one SKU, stocked only as their components. */
export const KITS: readonly KitSpec[] = [
  {
    code: "KIT-RUN",
    category: "running-shoes",
    name: "Marathon Starter Kit",
    nameZh: "马拉松入门套装",
    description: "Velocity Run 3 in black, a 3-pack of cushioned running socks and a running cap.",
    descriptionZh: "疾速跑鞋3代黑色款、缓震跑步袜三双装与轻量跑步帽。",
    priceYuan: 899,
    variants: [runKit(41, "M"), runKit(42, "M"), runKit(43, "L")],
  },
  {
    code: "KIT-GYM",
    category: "tees",
    name: "Training Day Set",
    nameZh: "训练日套装",
    description: 'DryFit running tee and Stride 5" shorts, both in black.',
    descriptionZh: "速干跑步T恤与步频5英寸跑步短裤，均为黑色。",
    priceYuan: 349,
    variants: ["M", "L"].map((size, i) => ({
      colour: "BLK" as const,
      size,
      sizeOrder: i + 2,
      components: [
        { skuCode: `TE-502-BLK-${size}`, quantity: 1 },
        { skuCode: `SH-701-BLK-${size}`, quantity: 1 },
      ],
    })),
  },
  {
    code: "KIT-HOOP",
    category: "basketball-shoes",
    name: "Court Ready Kit",
    nameZh: "球场装备套装",
    description: "Courtking Low in white with two pairs of crew basketball socks.",
    descriptionZh: "球场之王低帮白色款，搭配两双篮球中筒袜。",
    priceYuan: 729,
    variants: [42, 43].map((size) => ({
      colour: "WHT" as const,
      size: String(size),
      sizeOrder: size,
      components: [
        { skuCode: `BB-202-WHT-${size}`, quantity: 1 },
        { skuCode: "AC-952-WHT-L", quantity: 2 },
      ],
    })),
  },
  {
    code: "KIT-CITY",
    category: "bags",
    name: "City Commuter Set",
    nameZh: "城市通勤套装",
    description: "Commuter Backpack 25L and the Classic Logo Cap, both in black.",
    descriptionZh: "通勤双肩包25L与经典标志棒球帽，均为黑色。",
    priceYuan: 499,
    variants: [
      {
        colour: "BLK",
        size: "ONE SIZE",
        sizeOrder: 0,
        components: [
          { skuCode: "BG-901-BLK-OS", quantity: 1 },
          { skuCode: "AC-954-BLK-OS", quantity: 1 },
        ],
      },
    ],
  },
];
