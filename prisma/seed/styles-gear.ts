import type { StyleSpec } from "./catalogue-types";

/** Bags, socks and caps. */
// One style per block reads like the merchandiser's line sheet.
// prettier-ignore
export const GEAR_STYLES: readonly StyleSpec[] = [
  {
    code: "BG-901", category: "bags", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Commuter Backpack 25L", nameZh: "通勤双肩包 25L", priceYuan: 399, colours: ["BLK", "GRY"], popularity: 1.3,
    description: "25-litre backpack with a padded 16-inch laptop sleeve and a shoe compartment.",
    descriptionZh: "25升双肩包，16英寸电脑软垫隔层，独立鞋仓。",
  },
  {
    code: "BG-902", category: "bags", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Duffel Bag 40L", nameZh: "训练旅行包 40L", priceYuan: 329, colours: ["BLK", "NVY"], popularity: 0.7,
    description: "Water-resistant 40-litre gym duffel with a ventilated wet pocket.",
    descriptionZh: "40升防水训练包，透气干湿分离袋。",
  },
  {
    code: "BG-903", category: "bags", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Run Waist Pack", nameZh: "跑步腰包", priceYuan: 199, colours: ["BLK", "VLT"], popularity: 0.9,
    description: "Bounce-free waist pack that fits a large phone, keys and two gels.",
    descriptionZh: "跑动不晃的腰包，可放大屏手机、钥匙和两支能量胶。",
  },
  {
    code: "BG-904", category: "bags", gender: "UNISEX", lifecycle: "CLEARANCE",
    name: "Crossbody Bag 2023", nameZh: "斜挎包 2023款", priceYuan: 199, colours: ["BEI", "OLV"], popularity: 0.3,
    description: "Compact nylon crossbody bag from the 2023 collection.",
    descriptionZh: "2023系列小巧尼龙斜挎包。",
  },
  {
    code: "AC-951", category: "accessories", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Cushioned Running Socks (3 pairs)", nameZh: "缓震跑步袜（3双装）", priceYuan: 79, colours: ["WHT", "BLK"], popularity: 2, sizing: "SOCKS",
    description: "Three pairs of quarter socks with cushioned soles and arch support.",
    descriptionZh: "三双装短筒跑步袜，足底缓震，足弓支撑。",
  },
  {
    code: "AC-952", category: "accessories", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Crew Basketball Socks", nameZh: "篮球中筒袜", priceYuan: 59, colours: ["WHT", "BLK"], popularity: 1, sizing: "SOCKS",
    description: "Thick crew socks with a padded heel for hard landings.",
    descriptionZh: "加厚中筒篮球袜，后跟加垫缓冲落地冲击。",
  },
  {
    code: "AC-953", category: "accessories", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Lightweight Running Cap", nameZh: "轻量跑步帽", priceYuan: 149, colours: ["BLK", "WHT", "NVY"], popularity: 1.2,
    description: "Featherweight perforated cap with a soft brim that folds into a pocket.",
    descriptionZh: "超轻打孔跑步帽，软帽檐可折叠收纳。",
  },
  {
    code: "AC-954", category: "accessories", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Classic Logo Cap", nameZh: "经典标志棒球帽", priceYuan: 179, colours: ["BLK", "BEI"], popularity: 1.4,
    description: "Six-panel cotton twill cap with an embroidered logo and a strap back.",
    descriptionZh: "六片式纯棉斜纹棒球帽，刺绣标志，可调节后扣。",
  },
];
