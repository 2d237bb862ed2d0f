import type { StyleSpec } from "./catalogue-types";

/** Jackets, tees, hoodies, shorts and pants. */
// One style per block reads like the merchandiser's line sheet.
// prettier-ignore
export const APPAREL_STYLES: readonly StyleSpec[] = [
  {
    code: "JK-401", category: "jackets", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Stormshell Rain Jacket", nameZh: "风暴防水夹克", priceYuan: 899, colours: ["BLK", "NVY"], popularity: 1.2,
    description: "Fully taped 2.5-layer waterproof shell that packs into its own pocket.",
    descriptionZh: "全压胶2.5层防水外壳，可收纳进自身口袋。",
  },
  {
    code: "JK-402", category: "jackets", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Stormshell Rain Jacket Women", nameZh: "风暴防水夹克 女款", priceYuan: 899, colours: ["SKY"], popularity: 0.8,
    description: "The Stormshell cut for women, with an adjustable hem and a longer back.",
    descriptionZh: "女款风暴防水夹克，可调节下摆，后摆加长。",
  },
  {
    code: "JK-403", category: "jackets", gender: "UNISEX", lifecycle: "NEW",
    name: "Featherlite Down Jacket", nameZh: "轻羽羽绒服", priceYuan: 1299, colours: ["BLK", "BEI"], popularity: 1,
    description: "700-fill responsibly sourced down in a light ripstop shell, for cold morning runs and commutes.",
    descriptionZh: "700蓬松度可追溯羽绒，轻量防撕裂面料，适合寒冷清晨跑步与通勤。",
  },
  {
    code: "JK-404", category: "jackets", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Windrunner Track Jacket", nameZh: "风行运动夹克", priceYuan: 499, colours: ["NVY", "RED"], popularity: 1.1,
    description: "Lightweight woven track jacket with the signature chevron panel.",
    descriptionZh: "轻量梭织运动夹克，标志性V形拼接。",
  },
  {
    code: "JK-405", category: "jackets", gender: "UNISEX", lifecycle: "CLEARANCE",
    name: "Woven Windbreaker 2023", nameZh: "梭织风衣 2023款", priceYuan: 599, colours: ["ORG", "GRN"], popularity: 0.3,
    description: "Colour-blocked windbreaker from the 2023 collection.",
    descriptionZh: "2023系列撞色风衣。",
  },
  {
    code: "JK-406", category: "jackets", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Thermal Fleece Jacket", nameZh: "保暖抓绒夹克", priceYuan: 599, colours: ["CRM"], popularity: 0.7,
    description: "Soft high-pile fleece jacket with a stand collar and zipped pockets.",
    descriptionZh: "柔软高绒抓绒夹克，立领设计，拉链口袋。",
  },
  {
    code: "JK-407", category: "jackets", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Nightrun Reflective Jacket", nameZh: "夜跑反光夹克", priceYuan: 699, colours: ["BLK", "VLT"], popularity: 0.6,
    description: "360° reflective details so drivers see you on after-work runs.",
    descriptionZh: "360°反光细节，下班夜跑更醒目安全。",
  },
  {
    code: "TE-501", category: "tees", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Essential Logo Tee", nameZh: "基础标志T恤", priceYuan: 149, colours: ["BLK", "WHT", "GRY"], popularity: 3,
    description: "Heavyweight cotton tee with a small chest logo. The one everyone owns three of.",
    descriptionZh: "重磅纯棉T恤，胸前小标志，人手好几件的基础款。",
  },
  {
    code: "TE-502", category: "tees", gender: "MEN", lifecycle: "IN_SEASON",
    name: "DryFit Running Tee", nameZh: "速干跑步T恤", priceYuan: 199, colours: ["BLK", "BLU"], popularity: 2,
    description: "Quick-dry knit that wicks sweat, with flatlock seams against chafing.",
    descriptionZh: "速干针织面料快速排汗，平缝工艺减少摩擦。",
  },
  {
    code: "TE-503", category: "tees", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "DryFit Running Tee Women", nameZh: "速干跑步T恤 女款", priceYuan: 199, colours: ["PNK", "WHT"], popularity: 1.4,
    description: "The DryFit tee in a women's fit with a dropped back hem.",
    descriptionZh: "女款版型速干跑步T恤，后摆加长。",
  },
  {
    code: "TE-504", category: "tees", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Oversized Graphic Tee", nameZh: "宽松印花T恤", priceYuan: 229, colours: ["WHT", "BLK"], popularity: 1.5,
    description: "Boxy oversized fit with a screen-printed track-club graphic on the back.",
    descriptionZh: "宽松廓形，背后丝网印刷田径俱乐部图案。",
  },
  {
    code: "TE-505", category: "tees", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Seamless Training Tee", nameZh: "无缝训练T恤", priceYuan: 259, colours: ["PUR"], popularity: 0.7,
    description: "Body-mapped seamless knit that breathes where you heat up.",
    descriptionZh: "人体分区无缝针织，发热部位重点透气。",
  },
  {
    code: "TE-506", category: "tees", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Court Shooting Shirt", nameZh: "篮球投篮服", priceYuan: 229, colours: ["RED"], popularity: 0.6,
    description: "Loose-fit warm-up shirt with a mesh back, made for shootaround.",
    descriptionZh: "宽松热身投篮服，背部网眼透气，赛前投篮热身专用。",
  },
  {
    code: "TE-507", category: "tees", gender: "UNISEX", lifecycle: "CLEARANCE",
    name: "Marathon 2024 Finisher Tee", nameZh: "2024马拉松完赛T恤", priceYuan: 199, colours: ["ORG"], popularity: 0.3,
    description: "Commemorative tee from the 2024 city marathon season.",
    descriptionZh: "2024城市马拉松赛季纪念T恤。",
  },
  {
    code: "TE-508", category: "tees", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Merino Long-Sleeve Base Layer", nameZh: "美利奴长袖打底衫", priceYuan: 299, colours: ["CHR", "NVY"], popularity: 0.5,
    description: "Fine merino blend base layer that stays warm when wet and does not hold odour.",
    descriptionZh: "细支美利奴混纺打底衫，潮湿仍保暖，不易留异味。",
  },
  {
    code: "HD-601", category: "hoodies", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Club Fleece Hoodie", nameZh: "经典抓绒连帽卫衣", priceYuan: 399, colours: ["GRY", "BLK", "NVY"], popularity: 2.2,
    description: "Brushed-back fleece hoodie with a kangaroo pocket, our best seller since 2019.",
    descriptionZh: "内里磨毛抓绒连帽卫衣，袋鼠兜设计，2019年以来的畅销款。",
  },
  {
    code: "HD-602", category: "hoodies", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Cropped Hoodie", nameZh: "短款连帽卫衣", priceYuan: 369, colours: ["PNK", "CRM"], popularity: 1,
    description: "Cropped boxy hoodie that pairs with high-rise leggings.",
    descriptionZh: "短款宽松卫衣，搭配高腰紧身裤正合适。",
  },
  {
    code: "HD-603", category: "hoodies", gender: "MEN", lifecycle: "NEW",
    name: "Tech Knit Full-Zip Hoodie", nameZh: "科技针织拉链卫衣", priceYuan: 599, colours: ["CHR"], popularity: 0.8,
    description: "Smooth double-knit hoodie with bonded zip pockets and a tapered fit.",
    descriptionZh: "双面针织拉链卫衣，无缝粘合拉链口袋，修身剪裁。",
  },
  {
    code: "HD-604", category: "hoodies", gender: "UNISEX", lifecycle: "CLEARANCE",
    name: "Heritage Crewneck", nameZh: "复古圆领卫衣", priceYuan: 329, colours: ["BUR", "GRN"], popularity: 0.3,
    description: "Vintage-wash crewneck sweatshirt with an arched varsity logo.",
    descriptionZh: "复古水洗圆领卫衣，弧形学院风标志。",
  },
  {
    code: "HD-605", category: "hoodies", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Warm-Up Hoodie", nameZh: "热身连帽卫衣", priceYuan: 459, colours: ["BLK", "RED"], popularity: 0.9,
    description: "Midweight performance hoodie for warm-ups and cool-downs.",
    descriptionZh: "中等厚度功能卫衣，适合热身与放松。",
  },
  {
    code: "SH-701", category: "shorts", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Stride 5\" Running Shorts", nameZh: "步频5英寸跑步短裤", priceYuan: 199, colours: ["BLK", "NVY"], popularity: 1.6,
    description: "5-inch running shorts with a built-in brief and a zipped phone pocket.",
    descriptionZh: "5英寸跑步短裤，内置内衬，拉链手机袋。",
  },
  {
    code: "SH-702", category: "shorts", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "Stride 3\" Running Shorts Women", nameZh: "步频3英寸跑步短裤 女款", priceYuan: 179, colours: ["BLK", "PNK"], popularity: 1.1,
    description: "Light 3-inch shorts with split hems for a full stride.",
    descriptionZh: "轻量3英寸短裤，侧开衩设计，步幅不受限。",
  },
  {
    code: "SH-703", category: "shorts", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Mesh Basketball Shorts", nameZh: "网眼篮球短裤", priceYuan: 229, colours: ["RED", "BLK"], popularity: 0.8,
    description: "Knee-length double-mesh basketball shorts.",
    descriptionZh: "及膝双层网眼篮球短裤。",
  },
  {
    code: "SH-704", category: "shorts", gender: "MEN", lifecycle: "IN_SEASON",
    name: "2-in-1 Training Shorts", nameZh: "二合一训练短裤", priceYuan: 259, colours: ["GRY"], popularity: 0.7,
    description: "Woven shorts over compression liner shorts, for gym and track.",
    descriptionZh: "梭织外层搭配紧身内衬，健身房与跑道两用。",
  },
  {
    code: "SH-705", category: "shorts", gender: "UNISEX", lifecycle: "CLEARANCE",
    name: "Sweat Shorts", nameZh: "休闲卫衣短裤", priceYuan: 149, colours: ["GRY", "SND"], popularity: 0.3,
    description: "French-terry lounge shorts from last summer.",
    descriptionZh: "去年夏季毛圈布休闲短裤。",
  },
  {
    code: "PT-801", category: "pants", gender: "UNISEX", lifecycle: "IN_SEASON",
    name: "Tapered Jogger", nameZh: "收口慢跑裤", priceYuan: 399, colours: ["BLK", "GRY"], popularity: 1.8,
    description: "Fleece jogger with ribbed cuffs and a tapered leg.",
    descriptionZh: "抓绒慢跑裤，罗纹收口，锥形裤腿。",
  },
  {
    code: "PT-802", category: "pants", gender: "WOMEN", lifecycle: "IN_SEASON",
    name: "High-Rise Leggings", nameZh: "高腰紧身裤", priceYuan: 349, colours: ["BLK", "PUR", "NVY"], popularity: 1.6,
    description: "Squat-proof high-rise leggings with a hidden waistband pocket.",
    descriptionZh: "高腰紧身裤，深蹲不透，腰头隐藏口袋。",
  },
  {
    code: "PT-803", category: "pants", gender: "MEN", lifecycle: "NEW",
    name: "Tech Woven Cargo Pants", nameZh: "科技梭织工装裤", priceYuan: 499, colours: ["OLV", "BLK"], popularity: 0.9,
    description: "Stretch-woven cargo pants with water-repellent finish and six pockets.",
    descriptionZh: "弹力梭织工装裤，防泼水处理，六个口袋。",
  },
  {
    code: "PT-804", category: "pants", gender: "MEN", lifecycle: "IN_SEASON",
    name: "Track Pants", nameZh: "运动长裤", priceYuan: 329, colours: ["NVY"], popularity: 0.8,
    description: "Tricot track pants with side stripes and ankle zips.",
    descriptionZh: "经编运动长裤，侧边条纹，脚踝拉链。",
  },
  {
    code: "PT-805", category: "pants", gender: "MEN", lifecycle: "CLEARANCE",
    name: "Thermal Running Tights", nameZh: "保暖跑步紧身裤", priceYuan: 299, colours: ["BLK"], popularity: 0.3,
    description: "Brushed thermal tights for winter runs, from last winter's range.",
    descriptionZh: "去年冬季系列磨毛保暖跑步紧身裤。",
  },
];
