import type { Prisma } from "@/lib/generated/prisma/client";
import type { CityKey } from "./cities";

/** The organisation's row id. */
export const organizationId = (code: string): string => `org_${code}`;

/** Code of the brand HQ, which owns the warehouses, the direct stores and the own channels. */
export const BRAND_ORG = "HQ";
/** Franchisee running the franchise stores of each city. */
export const FRANCHISEE_BY_CITY: Record<CityKey, string> = {
  SH: "FR-EAST",
  BJ: "FR-NORTH",
  GZ: "FR-SOUTH",
};

/** The brand HQ, three franchisees, a dealer and the three marketplaces. */
export function buildOrganizations(): Prisma.OrganizationCreateManyInput[] {
  const rows: Omit<Prisma.OrganizationCreateManyInput, "id">[] = [
    {
      code: BRAND_ORG,
      name: "OnePool Sports Co., Ltd.",
      nameZh: "万池体育用品有限公司",
      kind: "BRAND",
    },
    {
      code: "FR-EAST",
      name: "Huadong Motion Retail Co., Ltd.",
      nameZh: "华东动域商贸有限公司",
      kind: "FRANCHISEE",
    },
    {
      code: "FR-NORTH",
      name: "Jingbei Sports Trading Co., Ltd.",
      nameZh: "京北体育商贸有限公司",
      kind: "FRANCHISEE",
    },
    {
      code: "FR-SOUTH",
      name: "Yuehai Athletic Retail Co., Ltd.",
      nameZh: "粤海运动零售有限公司",
      kind: "FRANCHISEE",
    },
    {
      code: "DL-PEARL",
      name: "Pearl River Sports Distribution Co., Ltd.",
      nameZh: "珠江体育经销有限公司",
      kind: "DEALER",
    },
    { code: "MP-TMALL", name: "Tmall", nameZh: "天猫", kind: "MARKETPLACE" },
    { code: "MP-JD", name: "JD.com", nameZh: "京东", kind: "MARKETPLACE" },
    { code: "MP-DOUYIN", name: "Douyin E-commerce", nameZh: "抖音电商", kind: "MARKETPLACE" },
  ];
  return rows.map((row) => ({ id: organizationId(row.code), ...row }));
}
