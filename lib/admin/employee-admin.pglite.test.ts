import { describe, expect, it, vi } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { assignEmployeePolicy } from "./assign-employee-policy.server";
import { employeePurchaseTotals, periodBounds } from "./employee-purchase-totals.server";
import { listEmployeeAdmin } from "./list-employee-admin.server";
import { deleteQuotaPolicy, saveQuotaPolicy } from "./save-quota-policy.server";
import { employeeSkuPrices, loadEmployeePolicy } from "@/lib/employee/employee-prices.server";
import { setEmployeeActive } from "./set-employee-active.server";
import { setEmployeePrice } from "./set-employee-price.server";

// The catalogue cache lives in Next's request context, absent in a test.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));

async function refusalOf(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const policyInput = {
  name: "Staff",
  period: "QUARTER" as const,
  maxUnits: 10,
  maxSpendYuan: 2000.5,
  maxPerSku: 2,
  discountPercent: 40,
};

let counter = 0;
async function world(prisma: PrismaClient) {
  const n = ++counter;
  const admin = await prisma.user.create({
    data: { email: `hq-${n}@test.dev`, name: "HQ", passwordHash: "-", role: "ADMIN" },
  });
  const org = await prisma.organization.create({
    data: { code: `ORG${n}`, name: "Brand", nameZh: "品牌", kind: "BRAND" },
  });
  const { id: policyId } = await saveQuotaPolicy(prisma, policyInput, { userId: admin.id });
  const other = await saveQuotaPolicy(
    prisma,
    { ...policyInput, name: "Managers", period: "YEAR" },
    { userId: admin.id },
  );
  const user = await prisma.user.create({
    data: { email: `emp-${n}@test.dev`, name: "Li Na", passwordHash: "-", role: "EMPLOYEE" },
  });
  const employee = await prisma.employee.create({
    data: { employeeNo: `E${n}`, userId: user.id, organizationId: org.id, quotaPolicyId: policyId },
  });
  const category = await prisma.category.create({
    data: { slug: `c${n}`, name: "Shoes", nameZh: "鞋" },
  });
  const product = await prisma.product.create({
    data: {
      styleCode: `ST${n}`,
      name: "Runner",
      nameZh: "跑鞋",
      description: "-",
      descriptionZh: "-",
      categoryId: category.id,
      gender: "U",
      lifecycle: "CLEARANCE",
      listPrice: 59_900,
      imagePath: "/x.png",
    },
  });
  return { admin, org, policyId, otherPolicyId: other.id, employee, product, n };
}

const auditOf = (prisma: PrismaClient, entityId: string) =>
  prisma.auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

describe("employee console", () => {
  const db = useMigratedDatabase("pglite");

  it("creates and edits a quota policy in fen and basis points, each change audited", async () => {
    const prisma = db();
    const { admin, policyId } = await world(prisma);
    const stored = await prisma.employeeQuotaPolicy.findUniqueOrThrow({ where: { id: policyId } });
    expect(stored).toMatchObject({ maxSpend: 200_050, discountBps: 4000, period: "QUARTER" });

    await saveQuotaPolicy(
      prisma,
      { ...policyInput, id: policyId, maxUnits: 12, maxSpendYuan: 1500 },
      { userId: admin.id },
    );
    const edited = await prisma.employeeQuotaPolicy.findUniqueOrThrow({ where: { id: policyId } });
    expect(edited).toMatchObject({ maxUnits: 12, maxSpend: 150_000 });
    const trail = await auditOf(prisma, policyId);
    expect(trail.map((e) => [e.action, e.actorUserId])).toEqual([
      ["CREATE", admin.id],
      ["UPDATE", admin.id],
    ]);
    expect(trail[1]?.before).toMatchObject({ maxUnits: 10, maxSpend: 200_050 });
    expect(trail[1]?.after).toMatchObject({ maxUnits: 12, maxSpend: 150_000 });
  });

  it("refuses invalid policy input and an unknown policy, changing nothing", async () => {
    const prisma = db();
    const { admin, policyId } = await world(prisma);
    const before = await prisma.auditEntry.count();
    const invalid = await refusalOf(() =>
      saveQuotaPolicy(prisma, { ...policyInput, id: policyId, maxUnits: 0 }, { userId: admin.id }),
    );
    expect(invalid.code).toBe("INVALID_INPUT");
    expect(Object.keys(invalid.fieldErrors ?? {})).toContain("maxUnits");
    const unknown = await refusalOf(() =>
      saveQuotaPolicy(prisma, { ...policyInput, id: "nope" }, { userId: admin.id }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.details).toEqual({ reason: "QUOTA_POLICY" });
    expect(await prisma.auditEntry.count()).toBe(before);
    const stored = await prisma.employeeQuotaPolicy.findUniqueOrThrow({ where: { id: policyId } });
    expect(stored.maxUnits).toBe(10);
  });

  it("deletes a policy nobody holds and refuses one an employee holds", async () => {
    const prisma = db();
    const { admin, policyId, otherPolicyId } = await world(prisma);
    const before = await prisma.auditEntry.count();
    const inUse = await refusalOf(() =>
      deleteQuotaPolicy(prisma, { id: policyId }, { userId: admin.id }),
    );
    expect(inUse.code).toBe("CONFLICT");
    expect(inUse.details).toEqual({ reason: "POLICY_IN_USE", employees: 1 });
    expect(await prisma.employeeQuotaPolicy.count({ where: { id: policyId } })).toBe(1);
    expect(await prisma.auditEntry.count()).toBe(before);

    await deleteQuotaPolicy(prisma, { id: otherPolicyId }, { userId: admin.id });
    expect(await prisma.employeeQuotaPolicy.count({ where: { id: otherPolicyId } })).toBe(0);
    expect((await auditOf(prisma, otherPolicyId)).at(-1)).toMatchObject({
      action: "DELETE",
      after: null,
    });
  });

  it("gives an employee another policy, audited; unknown employee or policy changes nothing", async () => {
    const prisma = db();
    const { admin, employee, policyId, otherPolicyId } = await world(prisma);
    const before = await prisma.auditEntry.count();
    for (const input of [
      { employeeId: "nope", quotaPolicyId: otherPolicyId },
      { employeeId: employee.id, quotaPolicyId: "nope" },
    ])
      expect(
        (await refusalOf(() => assignEmployeePolicy(prisma, input, { userId: admin.id }))).code,
      ).toBe("NOT_FOUND");
    expect(await prisma.auditEntry.count()).toBe(before);

    await assignEmployeePolicy(
      prisma,
      { employeeId: employee.id, quotaPolicyId: otherPolicyId },
      { userId: admin.id },
    );
    const stored = await prisma.employee.findUniqueOrThrow({ where: { id: employee.id } });
    expect(stored.quotaPolicyId).toBe(otherPolicyId);
    expect((await auditOf(prisma, employee.id)).at(-1)).toMatchObject({
      action: "ASSIGN_QUOTA_POLICY",
      before: { quotaPolicyId: policyId },
      after: { quotaPolicyId: otherPolicyId },
    });
    const listed = await listEmployeeAdmin(prisma);
    expect(listed.employees.find((e) => e.id === employee.id)?.quotaPolicyId).toBe(otherPolicyId);
  });

  it("sets and clears a style's employee price; above list price or unknown style is refused", async () => {
    const prisma = db();
    const { admin, product } = await world(prisma);
    await setEmployeePrice(
      prisma,
      { styleCode: product.styleCode, priceYuan: 299 },
      { userId: admin.id },
    );
    expect(
      (await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).employeePrice,
    ).toBe(29_900);
    const before = await prisma.auditEntry.count();

    const above = await refusalOf(() =>
      setEmployeePrice(
        prisma,
        { styleCode: product.styleCode, priceYuan: 600 },
        { userId: admin.id },
      ),
    );
    expect(above.code).toBe("INVALID_INPUT");
    expect(above.details).toEqual({ reason: "EMPLOYEE_PRICE_ABOVE_LIST", listPrice: 59_900 });
    const negative = await refusalOf(() =>
      setEmployeePrice(
        prisma,
        { styleCode: product.styleCode, priceYuan: -1 },
        { userId: admin.id },
      ),
    );
    expect(negative.code).toBe("INVALID_INPUT");
    const unknown = await refusalOf(() =>
      setEmployeePrice(prisma, { styleCode: "NOPE", priceYuan: 1 }, { userId: admin.id }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await prisma.auditEntry.count()).toBe(before);
    expect(
      (await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).employeePrice,
    ).toBe(29_900);

    await setEmployeePrice(
      prisma,
      { styleCode: product.styleCode, priceYuan: null },
      { userId: admin.id },
    );
    expect(
      (await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).employeePrice,
    ).toBeNull();
    expect((await auditOf(prisma, product.id)).map((e) => e.action)).toEqual([
      "SET_EMPLOYEE_PRICE",
      "CLEAR_EMPLOYEE_PRICE",
    ]);
  });

  it("prices one SKU apart from its style: the SKU's price, then the style's, then the discount", async () => {
    const prisma = db();
    const { admin, product, n } = await world(prisma);
    const sku = (code: string) =>
      prisma.sku.create({
        data: {
          productId: product.id,
          skuCode: code,
          barcode: code,
          color: "Black",
          colorZh: "黑",
          colorHex: "#000000",
          size: code.slice(-2),
        },
      });
    const [s42, s43] = [await sku(`SK${n}-42`), await sku(`SK${n}-43`)];
    const prices = () => employeeSkuPrices(prisma, 4000, [s42.id, s43.id]);
    // 40 % off 599.00, rounded half up to the fen.
    expect(await prices()).toEqual(
      new Map([
        [s42.id, 35_940],
        [s43.id, 35_940],
      ]),
    );
    await setEmployeePrice(
      prisma,
      { styleCode: product.styleCode, priceYuan: 399 },
      { userId: admin.id },
    );
    await setEmployeePrice(
      prisma,
      { styleCode: product.styleCode, skuCode: s42.skuCode, priceYuan: 199.5 },
      { userId: admin.id },
    );
    expect(await prices()).toEqual(
      new Map([
        [s42.id, 19_950],
        [s43.id, 39_900],
      ]),
    );
    expect((await auditOf(prisma, s42.id)).map((e) => [e.entity, e.action])).toEqual([
      ["SKU", "SET_EMPLOYEE_PRICE"],
    ]);

    const foreign = await refusalOf(() =>
      setEmployeePrice(
        prisma,
        { styleCode: "NOPE", skuCode: s42.skuCode, priceYuan: 1 },
        { userId: admin.id },
      ),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    const unknownSku = await refusalOf(() =>
      setEmployeePrice(
        prisma,
        { styleCode: product.styleCode, skuCode: "NOPE", priceYuan: 1 },
        { userId: admin.id },
      ),
    );
    expect(unknownSku.details).toMatchObject({ reason: "SKU" });
    const above = await refusalOf(() =>
      setEmployeePrice(
        prisma,
        { styleCode: product.styleCode, skuCode: s43.skuCode, priceYuan: 600 },
        { userId: admin.id },
      ),
    );
    expect(above.details).toEqual({ reason: "EMPLOYEE_PRICE_ABOVE_LIST", listPrice: 59_900 });

    await setEmployeePrice(
      prisma,
      { styleCode: product.styleCode, skuCode: s42.skuCode, priceYuan: null },
      { userId: admin.id },
    );
    expect(await prices()).toEqual(
      new Map([
        [s42.id, 39_900],
        [s43.id, 39_900],
      ]),
    );
  });

  it("switches an employee's store access off and on, audited; a switched-off employee is refused", async () => {
    const prisma = db();
    const { admin, employee } = await world(prisma);
    await setEmployeeActive(
      prisma,
      { employeeId: employee.id, active: false },
      { userId: admin.id },
    );
    const refused = await refusalOf(() => loadEmployeePolicy(prisma, { userId: employee.userId }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.details).toEqual({ reason: "EMPLOYEE_DISABLED" });
    const unknown = await refusalOf(() =>
      setEmployeeActive(prisma, { employeeId: "nope", active: true }, { userId: admin.id }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    await setEmployeeActive(
      prisma,
      { employeeId: employee.id, active: true },
      { userId: admin.id },
    );
    expect(await loadEmployeePolicy(prisma, { userId: employee.userId })).toMatchObject({
      employeeId: employee.id,
    });
    expect((await auditOf(prisma, employee.id)).map((e) => e.action)).toEqual([
      "DISABLE",
      "ENABLE",
    ]);
  });

  it("totals paid employee-channel orders of the period by employee and SKU", async () => {
    const prisma = db();
    const { org, employee, product, n } = await world(prisma);
    const channel = await prisma.channel.create({
      data: {
        code: "EMPLOYEE",
        name: "Employee",
        nameZh: "员工",
        kind: "EMPLOYEE",
        priority: 9,
        organizationId: org.id,
      },
    });
    const sku = await prisma.sku.create({
      data: {
        productId: product.id,
        skuCode: `SKU${n}`,
        barcode: `B${n}`,
        color: "Black",
        colorZh: "黑",
        colorHex: "#000",
        size: "42",
      },
    });
    const order = (no: string, status: "PAID" | "CANCELLED", paidAt: Date, quantity: number) =>
      prisma.order.create({
        data: {
          orderNo: no,
          channelId: channel.id,
          buyerType: "EMPLOYEE",
          method: "PICKUP",
          contactName: "Li Na",
          subtotal: quantity * 29_900,
          total: quantity * 29_900,
          status,
          paidAt,
          employeeId: employee.id,
          lines: {
            create: { skuId: sku.id, quantity, unitPrice: 29_900, lineTotal: quantity * 29_900 },
          },
        },
      });
    // Shanghai's Q4 starts at 2026-09-30 16:00 UTC.
    await order("E-1", "PAID", new Date("2026-10-02T00:00:00Z"), 2);
    await order("E-2", "CANCELLED", new Date("2026-10-03T00:00:00Z"), 5);
    await order("E-3", "PAID", new Date("2026-09-30T15:00:00Z"), 7);
    await order("E-4", "PAID", new Date("2026-09-30T17:00:00Z"), 1);

    const totals = await employeePurchaseTotals(prisma, "2026-Q4");
    expect(totals.byEmployee).toEqual([
      { employeeNo: employee.employeeNo, name: "Li Na", units: 3, spend: 89_700 },
    ]);
    expect(totals.bySku).toEqual([
      { skuCode: sku.skuCode, name: "Runner Black 42", units: 3, spend: 89_700 },
    ]);
    expect((await employeePurchaseTotals(prisma, "2026-09")).byEmployee[0]?.units).toBe(7);
  });

  it("reads period keys on the Shanghai calendar", () => {
    expect(periodBounds("2026-11")).toEqual({
      from: new Date("2026-10-31T16:00:00Z"),
      to: new Date("2026-11-30T16:00:00Z"),
    });
    expect(periodBounds("2026-Q4").to).toEqual(new Date("2026-12-31T16:00:00Z"));
    expect(periodBounds("2026").from).toEqual(new Date("2025-12-31T16:00:00Z"));
  });
});
