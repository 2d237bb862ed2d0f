import type { ColourKey } from "./catalogue-types";

export type Colour = { name: string; nameZh: string; hex: string };

/** The brand's colour palette; the key is also the colour part of every SKU code. */
export const COLOURS: Record<ColourKey, Colour> = {
  BLK: { name: "Black", nameZh: "黑色", hex: "#1F1F1F" },
  WHT: { name: "White", nameZh: "白色", hex: "#F5F5F5" },
  GRY: { name: "Heather Grey", nameZh: "麻灰", hex: "#8A8D91" },
  NVY: { name: "Navy", nameZh: "藏青", hex: "#1F2A44" },
  RED: { name: "University Red", nameZh: "大学红", hex: "#C8102E" },
  VLT: { name: "Volt", nameZh: "荧光黄", hex: "#D4E157" },
  BLU: { name: "Royal Blue", nameZh: "宝蓝", hex: "#1E5AA8" },
  GRN: { name: "Forest Green", nameZh: "森林绿", hex: "#2E7D4F" },
  OLV: { name: "Olive", nameZh: "橄榄绿", hex: "#6B6B3A" },
  BEI: { name: "Beige", nameZh: "米色", hex: "#D8C8A8" },
  PNK: { name: "Pink Foam", nameZh: "浅粉", hex: "#F2A7B8" },
  ORG: { name: "Safety Orange", nameZh: "亮橙", hex: "#F26B21" },
  PUR: { name: "Purple", nameZh: "紫色", hex: "#6A4C93" },
  TEA: { name: "Teal", nameZh: "青绿", hex: "#138086" },
  SND: { name: "Sand", nameZh: "沙色", hex: "#C2B280" },
  BUR: { name: "Burgundy", nameZh: "酒红", hex: "#7B1E3A" },
  SKY: { name: "Sky Blue", nameZh: "天蓝", hex: "#7EC8E3" },
  CHR: { name: "Charcoal", nameZh: "炭灰", hex: "#36454F" },
  CRM: { name: "Cream", nameZh: "奶白", hex: "#FFF8E7" },
  AUR: { name: "Aurora", nameZh: "极光", hex: "#7FE0C5" },
};
