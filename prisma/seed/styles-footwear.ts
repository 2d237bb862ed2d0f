import type { StyleSpec } from "./catalogue-types";

/** Running, basketball and lifestyle shoes. */
// One style per block reads like the merchandiser's line sheet.
// prettier-ignore
export const FOOTWEAR_STYLES: readonly StyleSpec[] = [
  {
    code: "RN-101", category: "running-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Velocity Run 3", nameZh: "疾速跑鞋 3代", priceYuan: 799, colours: ["BLK", "WHT", "VLT"], popularity: 3,
    description: "Everyday trainer with a responsive foam midsole and a breathable engineered-mesh upper.",
    descriptionZh: "日常训练跑鞋，回弹泡棉中底搭配透气工程网面鞋面。",
  },
  {
    code: "RN-102", category: "running-shoes", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Velocity Run 3 Women", nameZh: "疾速跑鞋 3代 女款", priceYuan: 799, colours: ["WHT", "PNK"], popularity: 2.2,
    description: "The Velocity Run 3 on a women's last, with a softer heel and a narrower fit.",
    descriptionZh: "疾速跑鞋3代女款楦型，后跟更柔软，鞋型更贴合。",
  },
  {
    code: "RN-103", category: "running-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Cloudstride Max", nameZh: "云步缓震跑鞋", priceYuan: 999, colours: ["GRY", "NVY"], popularity: 1.6,
    description: "Maximum cushioning for long easy runs, with a wide, stable platform.",
    descriptionZh: "为长距离慢跑打造的高缓震跑鞋，宽大底面稳定支撑。",
  },
  {
    code: "RN-104", category: "running-shoes", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Cloudstride Max Women", nameZh: "云步缓震跑鞋 女款", priceYuan: 999, colours: ["SKY", "WHT"], popularity: 1.2,
    description: "Plush long-run comfort on a women's last, with a knit collar that hugs the ankle.",
    descriptionZh: "女款楦型的长距离舒适缓震，针织鞋口包裹脚踝。",
  },
  {
    code: "RN-105", category: "running-shoes", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Tempo Carbon Elite", nameZh: "竞速碳板跑鞋", priceYuan: 1299, colours: ["ORG", "WHT"], popularity: 1,
    description: "Race-day shoe with a full-length carbon plate and our lightest foam.",
    descriptionZh: "全掌碳板竞速跑鞋，搭载品牌最轻量中底泡棉，为比赛日而生。",
  },
  {
    code: "RN-106", category: "running-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Trailpeak GTX", nameZh: "越野峰 防水越野跑鞋", priceYuan: 899, colours: ["OLV"], popularity: 0.7,
    description: "Waterproof trail shoe with 5 mm lugs and a rock plate for technical ground.",
    descriptionZh: "防水越野跑鞋，5毫米大齿纹外底与防石板，应对复杂地形。",
  },
  {
    code: "RN-107", category: "running-shoes", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Pace Lite", nameZh: "轻速入门跑鞋", priceYuan: 499, colours: ["BLK", "NVY"], popularity: 1.8,
    description: "Light, simple and easy on the wallet: the first running shoe for new runners.",
    descriptionZh: "轻便、简约、实惠，新手跑者的第一双跑鞋。",
  },
  {
    code: "RN-108", category: "running-shoes", gender: "MEN", lifecycle: "CLEARANCE",
    name: "Velocity Run 2", nameZh: "疾速跑鞋 2代", priceYuan: 699, colours: ["RED", "GRY"], popularity: 0.5,
    description: "Last season's everyday trainer: the same trusted ride, now at clearance prices.",
    descriptionZh: "上一季日常训练跑鞋，熟悉的脚感，清仓特价。",
  },
  {
    code: "RN-109", category: "running-shoes", gender: "UNISEX", lifecycle: "NEW",
    name: "Velocity Run 4", nameZh: "疾速跑鞋 4代", priceYuan: 899, colours: ["AUR", "BLK"], popularity: 2.5,
    description: "The new Velocity: 20 % more foam, a recycled upper and a launch colourway, Aurora.",
    descriptionZh: "全新疾速4代：中底泡棉增加20%，再生材料鞋面，首发配色“极光”。",
  },
  {
    code: "BB-201", category: "basketball-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Skyline Pro 5", nameZh: "天际线 Pro 5 篮球鞋", priceYuan: 1099, colours: ["BLK", "WHT"], popularity: 1.8,
    description: "Signature court shoe with forefoot air cushioning and a lockdown midfoot strap.",
    descriptionZh: "签名款实战篮球鞋，前掌气垫缓震，中足绑带稳固锁定。",
  },
  {
    code: "BB-202", category: "basketball-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Courtking Low", nameZh: "球场之王 低帮", priceYuan: 699, colours: ["WHT", "NVY"], popularity: 1.2,
    description: "Low-cut guard shoe with a herringbone outsole that bites on indoor and outdoor courts.",
    descriptionZh: "低帮后卫鞋，人字纹外底室内外场地均抓地有力。",
  },
  {
    code: "BB-203", category: "basketball-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Rimshot Mid", nameZh: "篮筐 中帮实战鞋", priceYuan: 799, colours: ["RED"], popularity: 0.9,
    description: "Mid-top support for forwards, with a durable rubber toe cap for outdoor play.",
    descriptionZh: "中帮设计为前锋提供支撑，耐磨橡胶鞋头适合户外球场。",
  },
  {
    code: "BB-204", category: "basketball-shoes", gender: "MEN", lifecycle: "CLEARANCE",
    name: "Skyline Pro 4", nameZh: "天际线 Pro 4", priceYuan: 999, colours: ["PUR", "GRY"], popularity: 0.4,
    description: "The previous Skyline signature shoe, in its last two colourways.",
    descriptionZh: "上一代天际线签名鞋，最后两款配色。",
  },
  {
    code: "BB-205", category: "basketball-shoes", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Streetball Classic", nameZh: "街球经典篮球鞋", priceYuan: 599, colours: ["WHT", "BLK"], popularity: 1,
    description: "A 1990s court silhouette with a leather upper, on court or off.",
    descriptionZh: "90年代经典球鞋轮廓，皮革鞋面，场上场下皆宜。",
  },
  {
    code: "BB-206", category: "basketball-shoes", gender: "MEN", lifecycle: "NEW",
    name: "Skyline Pro 6", nameZh: "天际线 Pro 6", priceYuan: 1199, colours: ["TEA", "BLK"], popularity: 1.5,
    description: "The new signature shoe: full-length cushioning and a lighter, stiffer chassis.",
    descriptionZh: "全新签名战靴：全掌缓震，更轻更稳的抗扭结构。",
  },
  {
    code: "LS-301", category: "lifestyle-shoes", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Heritage 85", nameZh: "复古85 休闲鞋", priceYuan: 599, colours: ["WHT", "CRM"], popularity: 2.4,
    description: "A 1985 runner reissued in premium leather and suede.",
    descriptionZh: "1985年经典跑鞋复刻，优质皮革与麂皮拼接。",
  },
  {
    code: "LS-302", category: "lifestyle-shoes", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Metro Slip-On", nameZh: "都市 一脚蹬", priceYuan: 499, colours: ["BLK"], popularity: 0.9,
    description: "Laceless knit slip-on for the commute, with a cushioned footbed.",
    descriptionZh: "免系带针织一脚蹬，缓震鞋垫，通勤轻松穿脱。",
  },
  {
    code: "LS-303", category: "lifestyle-shoes", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Canvas Court", nameZh: "帆布板鞋", priceYuan: 499, colours: ["WHT", "NVY"], popularity: 1.3,
    description: "Vulcanised canvas court shoe, clean and timeless.",
    descriptionZh: "硫化工艺帆布板鞋，简洁百搭。",
  },
  {
    code: "LS-304", category: "lifestyle-shoes", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Dad Runner 2000", nameZh: "老爹鞋 2000", priceYuan: 699, colours: ["CRM", "PNK"], popularity: 1.6,
    description: "Chunky layered sole and mesh overlays: the Y2K runner look.",
    descriptionZh: "厚底分层鞋底与网面拼接，千禧年复古跑鞋风格。",
  },
  {
    code: "LS-305", category: "lifestyle-shoes", gender: "MEN", lifecycle: "CLEARANCE",
    name: "Terrace Suede", nameZh: "看台 麂皮休闲鞋", priceYuan: 599, colours: ["BUR", "GRN"], popularity: 0.4,
    description: "Suede terrace trainer with a gum sole, from last autumn's collection.",
    descriptionZh: "去年秋季系列麂皮看台鞋，生胶鞋底。",
  },
  {
    code: "LS-306", category: "lifestyle-shoes", gender: "WOMEN", lifecycle: "NEW",
    name: "Cloud Walk", nameZh: "云行 休闲鞋", priceYuan: 599, colours: ["WHT", "GRY"], popularity: 1.1,
    description: "All-day walking comfort with the Cloudstride foam in a sleek everyday shape.",
    descriptionZh: "搭载云步缓震泡棉的日常休闲鞋，全天步行舒适。",
  },
  {
    code: "LS-307", category: "lifestyle-shoes", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Urban Hiker", nameZh: "城市徒步鞋", priceYuan: 899, colours: ["SND"], popularity: 0.6,
    description: "Hiking-inspired city shoe with a grippy lugged sole and water-repellent upper.",
    descriptionZh: "户外灵感城市徒步鞋，抓地齿纹大底，鞋面防泼水。",
  },
];
