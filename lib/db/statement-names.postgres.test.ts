import { expect, it } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";

describeIfPostgres("named statements (PostgreSQL)", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 2 });

  it("prepares each statement once per connection, so its plan is reused", async () => {
    const prisma = db();
    const prepared = await prisma.$transaction(async (tx) => {
      // One transaction holds one connection: the second run finds the first one's statement.
      for (let i = 0; i < 3; i++) await tx.sku.findMany({ where: { skuCode: `NONE-${i}` } });
      return tx.$queryRaw<{ name: string; calls: bigint }[]>`
        SELECT "name", "generic_plans" + "custom_plans" AS "calls" FROM pg_prepared_statements
        WHERE "statement" LIKE '%"Sku"%' AND "name" LIKE 'op\\_%'
          AND "statement" NOT LIKE '%pg_prepared_statements%'`;
    });
    expect(prepared).toHaveLength(1);
    expect(Number(prepared[0]?.calls)).toBe(3);
  });
});
