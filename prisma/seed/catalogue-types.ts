import type { Lifecycle } from "@/lib/generated/prisma/enums";

export type CategorySlug =
  | "running-shoes"
  | "basketball-shoes"
  | "lifestyle-shoes"
  | "jackets"
  | "tees"
  | "hoodies"
  | "shorts"
  | "pants"
  | "bags"
  | "accessories";

export type Gender = "MEN" | "WOMEN" | "UNISEX";

/** How a style is sized; decides its size run. */
export type SizeSystem = "SHOES" | "APPAREL" | "SOCKS" | "ONE_SIZE";

export type ColourKey =
  | "BLK"
  | "WHT"
  | "GRY"
  | "NVY"
  | "RED"
  | "VLT"
  | "BLU"
  | "GRN"
  | "OLV"
  | "BEI"
  | "PNK"
  | "ORG"
  | "PUR"
  | "TEA"
  | "SND"
  | "BUR"
  | "SKY"
  | "CHR"
  | "CRM"
  | "AUR";

/** One style as written by a merchandiser; prices in whole yuan for readability. */
export type StyleSpec = {
  code: string;
  category: CategorySlug;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  gender: Gender;
  lifecycle: Lifecycle;
  priceYuan: number;
  colours: readonly ColourKey[];
  /** Relative sales weight: 3 is a hero product, 0.3 a slow mover. */
  popularity: number;
  /** Overrides the category's size system (socks come in S/M/L while caps are one size). */
  sizing?: SizeSystem;
};
