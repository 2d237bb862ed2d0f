import { expect, it, vi } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import { createStyle } from "./create-style.server";
import { getStyle } from "./get-style.server";
import { updateStyle } from "./update-style.server";

// The catalogue cache lives in Next's request context, absent in a test.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "saved",
    (e: unknown) =>
      isAppError(e) ? `${e.code}:${String(e.details?.reason ?? "")}` : `ERROR:${String(e)}`,
  );

const sku = (skuCode: string, barcode: string) => ({
  skuCode,
  barcode,
  color: "Black",
  colorZh: "黑色",
  colorHex: "#111111",
  size: "42",
});

describeIfPostgres("products console racing on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  it("of 8 admins creating styles with one barcode at once, one wins and the rest are told why", async () => {
    const prisma = db();
    const admin = await prisma.user.create({
      data: { email: "race@test.dev", name: "HQ", passwordHash: "-", role: "ADMIN" },
    });
    await prisma.category.create({ data: { slug: "race", name: "Race", nameZh: "赛" } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        outcome(
          createStyle(
            prisma,
            {
              styleCode: `RACE-${i}`,
              name: "Racer",
              nameZh: "赛跑",
              categorySlug: "race",
              gender: "UNISEX",
              listPriceYuan: 100,
              skus: [sku(`RACE-${i}-42`, "6900000000042")],
            },
            { userId: admin.id },
          ),
        ),
      ),
    );
    expect(results.filter((r) => r === "saved")).toHaveLength(1);
    expect(results.filter((r) => r !== "saved")).toEqual(
      Array.from({ length: 7 }, () => "INVALID_INPUT:DUPLICATE_BARCODE"),
    );
    expect(await prisma.product.count({ where: { styleCode: { startsWith: "RACE-" } } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: "CREATE_STYLE" } })).toBe(1);

    // Two admins saving the style they both opened: the second is refused, nothing lost.
    const winner = await prisma.product.findFirstOrThrow({
      where: { styleCode: { startsWith: "RACE-" } },
    });
    const opened = await getStyle(prisma, winner.styleCode);
    if (!opened) throw new Error("style missing");
    const edit = (listPriceYuan: number) =>
      outcome(
        updateStyle(
          prisma,
          {
            styleCode: winner.styleCode,
            version: opened.style.version,
            name: "Racer",
            nameZh: "赛跑",
            categorySlug: "race",
            gender: "UNISEX",
            listPriceYuan,
          },
          { userId: admin.id },
        ),
      );
    const saves = await Promise.all([edit(200), edit(300)]);
    expect([...saves].sort()).toEqual(["CONFLICT:CHANGED_MEANWHILE", "saved"]);
    const stored = await prisma.product.findUniqueOrThrow({ where: { id: winner.id } });
    expect(stored.listPrice).toBe(saves[0] === "saved" ? 20_000 : 30_000);
  });
});
