import type { CityKey } from "./cities";

export type StoreSite = {
  code: string;
  city: CityKey;
  name: string;
  nameZh: string;
  district: string;
  address: string;
  latitude: number;
  longitude: number;
  /** Run by a franchisee rather than the brand. */
  franchise: boolean;
  /** Relative footfall: the flagship is 3, a suburban mall store about 0.5. */
  traffic: number;
  /** Pedestrian streets where couriers cannot stop do not offer same-city delivery. */
  sameCity: boolean;
};

type Row = [string, string, string, string, string, number, number, boolean, number, boolean?];

// code, name, 中文名, district, address, latitude, longitude, franchise, traffic, same-city
// Coordinates are those of the real shopping streets and malls the stores are named after.
// A table is easier to check against a map than one object per store.
// prettier-ignore
const ROWS: Record<CityKey, readonly Row[]> = {
  SH: [
    ["SH-001", "Shanghai Nanjing Road Flagship", "上海南京路旗舰店", "Huangpu", "353 Nanjing Road East", 31.2366, 121.4798, false, 3],
    ["SH-002", "Shanghai Huaihai Road", "上海淮海路店", "Huangpu", "666 Huaihai Road Middle", 31.2197, 121.47, false, 2],
    ["SH-003", "Shanghai Xujiahui", "上海徐家汇店", "Xuhui", "1 Hongqiao Road", 31.1946, 121.4375, false, 2],
    ["SH-004", "Shanghai Lujiazui IFC", "上海陆家嘴国金店", "Pudong New Area", "8 Century Avenue", 31.2367, 121.501, false, 1.8],
    ["SH-005", "Shanghai Wujiaochang", "上海五角场店", "Yangpu", "88 Songhu Road", 31.2995, 121.514, false, 1.3],
    ["SH-006", "Shanghai Zhongshan Park", "上海中山公园店", "Changning", "1018 Changning Road", 31.2198, 121.4167, true, 1],
    ["SH-007", "Shanghai Jing'an Temple", "上海静安寺店", "Jing'an", "1699 Nanjing Road West", 31.224, 121.446, false, 1.6],
    ["SH-008", "Shanghai Xinzhuang", "上海莘庄店", "Minhang", "58 Xinsong Road", 31.1117, 121.3853, true, 0.7],
    ["SH-009", "Shanghai Zhangjiang", "上海张江店", "Pudong New Area", "399 Zuchongzhi Road", 31.2062, 121.5903, true, 0.6],
    ["SH-010", "Shanghai Hongqiao Tiandi", "上海虹桥天地店", "Minhang", "688 Shenchang Road", 31.1963, 121.3198, false, 0.9],
    ["SH-011", "Shanghai Songjiang Wanda", "上海松江万达店", "Songjiang", "1118 Guangfulin Road", 31.0375, 121.225, true, 0.5],
    ["SH-012", "Shanghai North Sichuan Road", "上海四川北路店", "Hongkou", "1318 North Sichuan Road", 31.2605, 121.4825, true, 0.6, false],
  ],
  BJ: [
    ["BJ-001", "Beijing Sanlitun", "北京三里屯店", "Chaoyang", "19 Sanlitun Road", 39.936, 116.455, false, 2.5],
    ["BJ-002", "Beijing Wangfujing", "北京王府井店", "Dongcheng", "138 Wangfujing Street", 39.9142, 116.4108, false, 2],
    ["BJ-003", "Beijing Xidan", "北京西单店", "Xicheng", "131 Xidan North Street", 39.9112, 116.3738, false, 1.5],
    ["BJ-004", "Beijing Zhongguancun", "北京中关村店", "Haidian", "15 Zhongguancun Street", 39.9835, 116.3155, false, 1.4],
    ["BJ-005", "Beijing Guomao", "北京国贸店", "Chaoyang", "1 Jianguomenwai Avenue", 39.9088, 116.4595, false, 1.3],
    ["BJ-006", "Beijing Wudaokou", "北京五道口店", "Haidian", "1 Chengfu Road", 39.9928, 116.3375, true, 0.9],
    ["BJ-007", "Beijing Wangjing", "北京望京店", "Chaoyang", "33 Guangshun North Street", 39.9965, 116.4705, true, 0.8],
    ["BJ-008", "Beijing Qianmen", "北京前门店", "Dongcheng", "2 Qianmen Street", 39.8962, 116.3978, true, 0.7, false],
    ["BJ-009", "Beijing Tongzhou Wanda", "北京通州万达店", "Tongzhou", "58 Xinhua West Street", 39.9075, 116.658, true, 0.5],
    ["BJ-010", "Beijing Xizhimen", "北京西直门店", "Xicheng", "1 Xizhimenwai Street", 39.9405, 116.353, false, 1],
  ],
  GZ: [
    ["GZ-001", "Guangzhou Tianhe Road", "广州天河路店", "Tianhe", "208 Tianhe Road", 23.1318, 113.326, false, 2.2],
    ["GZ-002", "Guangzhou Beijing Road", "广州北京路店", "Yuexiu", "228 Beijing Road", 23.1255, 113.2695, false, 1.7],
    ["GZ-003", "Guangzhou Shangxiajiu", "广州上下九店", "Liwan", "88 Shangxiajiu Pedestrian Street", 23.1165, 113.2455, true, 0.9, false],
    ["GZ-004", "Guangzhou Zhujiang New Town", "广州珠江新城店", "Tianhe", "85 Huacheng Avenue", 23.1195, 113.3245, false, 1.2],
    ["GZ-005", "Guangzhou Panyu Wanbo", "广州番禺万博店", "Panyu", "383 Hanxi Avenue East", 23.0035, 113.3455, true, 0.7],
    ["GZ-006", "Guangzhou Jiangnan West", "广州江南西店", "Haizhu", "39 Jiangnan West Road", 23.0962, 113.2725, true, 0.7],
    ["GZ-007", "Guangzhou Baiyun Wanda", "广州白云万达店", "Baiyun", "1 Yuncheng East Road", 23.1705, 113.2635, true, 0.6],
    ["GZ-008", "Guangzhou Science City", "广州科学城店", "Huangpu", "11 Kaichuang Avenue", 23.171, 113.4455, false, 0.5],
  ],
};

/** The 30 stores, in code order within each city. */
export const STORE_SITES: readonly StoreSite[] = (Object.keys(ROWS) as CityKey[]).flatMap((city) =>
  ROWS[city].map(
    ([
      code,
      name,
      nameZh,
      district,
      address,
      latitude,
      longitude,
      franchise,
      traffic,
      sameCity,
    ]) => ({
      code,
      city,
      name,
      nameZh,
      district,
      address,
      latitude,
      longitude,
      franchise,
      traffic,
      sameCity: sameCity ?? true,
    }),
  ),
);
