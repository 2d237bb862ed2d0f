import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { AuditNames } from "./audit-words";

/**
 * The names of the records a page of audit entries refers to, by id: nodes, SKUs, styles,
 * channels and organisations by code, categories by slug, employees by number and name, quota
 * policies by name. An id that names nothing (a deleted row) is simply absent.
 */
export async function loadAuditNames(db: Db, ids: readonly string[]): Promise<AuditNames> {
  if (ids.length === 0) return new Map();
  const id = { in: [...ids] };
  const [nodes, skus, products, channels, organizations, categories, employees, policies] =
    await Promise.all([
      db.node.findMany({ where: { id }, select: { id: true, code: true } }),
      db.sku.findMany({ where: { id }, select: { id: true, skuCode: true } }),
      db.product.findMany({ where: { id }, select: { id: true, styleCode: true } }),
      db.channel.findMany({ where: { id }, select: { id: true, code: true } }),
      db.organization.findMany({ where: { id }, select: { id: true, code: true } }),
      db.category.findMany({ where: { id }, select: { id: true, slug: true } }),
      db.employee.findMany({
        where: { id },
        select: { id: true, employeeNo: true, user: { select: { name: true } } },
      }),
      db.employeeQuotaPolicy.findMany({ where: { id }, select: { id: true, name: true } }),
    ]);
  return new Map<string, string>([
    ...nodes.map((n) => [n.id, n.code] as const),
    ...skus.map((s) => [s.id, s.skuCode] as const),
    ...products.map((p) => [p.id, p.styleCode] as const),
    ...channels.map((c) => [c.id, c.code] as const),
    ...organizations.map((o) => [o.id, o.code] as const),
    ...categories.map((c) => [c.id, c.slug] as const),
    ...employees.map((e) => [e.id, `${e.employeeNo} ${e.user.name}`] as const),
    ...policies.map((p) => [p.id, p.name] as const),
  ]);
}
