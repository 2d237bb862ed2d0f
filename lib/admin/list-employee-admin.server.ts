import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** What the employee console shows: policies with how many hold each, employees, explicit prices. */
export async function listEmployeeAdmin(db: Db) {
  const [policies, employees, pricedStyles, pricedSkus] = await Promise.all([
    db.employeeQuotaPolicy.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { _count: { select: { employees: true } } },
    }),
    db.employee.findMany({
      orderBy: { employeeNo: "asc" },
      include: { user: { select: { name: true, email: true } } },
    }),
    db.product.findMany({
      where: { employeePrice: { not: null } },
      orderBy: { styleCode: "asc" },
      select: { styleCode: true, name: true, nameZh: true, listPrice: true, employeePrice: true },
    }),
    db.sku.findMany({
      where: { employeePrice: { not: null } },
      orderBy: { skuCode: "asc" },
      select: {
        skuCode: true,
        listPrice: true,
        employeePrice: true,
        product: { select: { styleCode: true, name: true, nameZh: true, listPrice: true } },
      },
    }),
  ]);
  return {
    policies: policies.map((p) => ({
      id: p.id,
      name: p.name,
      period: p.period,
      maxUnits: p.maxUnits,
      maxSpend: p.maxSpend,
      maxPerSku: p.maxPerSku,
      discountBps: p.discountBps,
      employees: p._count.employees,
    })),
    employees: employees.map((e) => ({
      id: e.id,
      employeeNo: e.employeeNo,
      name: e.user.name,
      email: e.user.email,
      quotaPolicyId: e.quotaPolicyId,
      active: e.active,
    })),
    // Explicit prices of styles, then of single SKUs (a SKU's comes first when an employee buys).
    priced: [
      ...pricedStyles.map((p) => ({ ...p, skuCode: null })),
      ...pricedSkus.map((s) => ({
        styleCode: s.product.styleCode,
        skuCode: s.skuCode,
        name: s.product.name,
        nameZh: s.product.nameZh,
        listPrice: s.listPrice ?? s.product.listPrice,
        employeePrice: s.employeePrice,
      })),
    ],
  };
}
