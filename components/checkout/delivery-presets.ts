/**
 * Delivery areas a shopper can pick at checkout, with the coordinates routing measures from.
 * There is no geocoder offline, so an address is a street line plus one of these areas (or the
 * browser's own location). The far suburbs lie outside every store's same-city radius.
 */
export type DeliveryPreset = {
  key: string;
  city: string;
  cityZh: string;
  district: string;
  districtZh: string;
  latitude: number;
  longitude: number;
};

export const DELIVERY_PRESETS: readonly DeliveryPreset[] = [
  {
    key: "sh-huangpu",
    city: "Shanghai",
    cityZh: "上海",
    district: "Huangpu",
    districtZh: "黄浦区",
    latitude: 31.2304,
    longitude: 121.4737,
  },
  {
    key: "sh-xuhui",
    city: "Shanghai",
    cityZh: "上海",
    district: "Xuhui",
    districtZh: "徐汇区",
    latitude: 31.188,
    longitude: 121.4365,
  },
  {
    key: "sh-pudong",
    city: "Shanghai",
    cityZh: "上海",
    district: "Pudong (Lujiazui)",
    districtZh: "浦东新区（陆家嘴）",
    latitude: 31.2397,
    longitude: 121.4998,
  },
  {
    key: "sh-jingan",
    city: "Shanghai",
    cityZh: "上海",
    district: "Jing'an",
    districtZh: "静安区",
    latitude: 31.2286,
    longitude: 121.448,
  },
  {
    key: "sh-chongming",
    city: "Shanghai",
    cityZh: "上海",
    district: "Chongming Island",
    districtZh: "崇明岛",
    latitude: 31.623,
    longitude: 121.397,
  },
  {
    key: "bj-dongcheng",
    city: "Beijing",
    cityZh: "北京",
    district: "Dongcheng",
    districtZh: "东城区",
    latitude: 39.9288,
    longitude: 116.416,
  },
  {
    key: "bj-chaoyang",
    city: "Beijing",
    cityZh: "北京",
    district: "Chaoyang",
    districtZh: "朝阳区",
    latitude: 39.9219,
    longitude: 116.4436,
  },
  {
    key: "bj-haidian",
    city: "Beijing",
    cityZh: "北京",
    district: "Haidian",
    districtZh: "海淀区",
    latitude: 39.9593,
    longitude: 116.2981,
  },
  {
    key: "bj-yanqing",
    city: "Beijing",
    cityZh: "北京",
    district: "Yanqing",
    districtZh: "延庆区",
    latitude: 40.4565,
    longitude: 115.975,
  },
  {
    key: "gz-tianhe",
    city: "Guangzhou",
    cityZh: "广州",
    district: "Tianhe",
    districtZh: "天河区",
    latitude: 23.1247,
    longitude: 113.3612,
  },
  {
    key: "gz-yuexiu",
    city: "Guangzhou",
    cityZh: "广州",
    district: "Yuexiu",
    districtZh: "越秀区",
    latitude: 23.1291,
    longitude: 113.2668,
  },
  {
    key: "gz-conghua",
    city: "Guangzhou",
    cityZh: "广州",
    district: "Conghua",
    districtZh: "从化区",
    latitude: 23.5486,
    longitude: 113.5867,
  },
];

export function deliveryPreset(key: string | undefined): DeliveryPreset | undefined {
  return DELIVERY_PRESETS.find((p) => p.key === key);
}
