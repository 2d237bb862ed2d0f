import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "./testing/test-database";
import { beforeCommit, withTransaction } from "./transaction.server";

describe("steps deferred to the end of a transaction", () => {
  const db = useMigratedDatabase("pglite");

  it("run after the work, in the order given, inside the transaction", async () => {
    const prisma = db();
    const order: string[] = [];
    await withTransaction(prisma, async (tx) => {
      await beforeCommit(tx, async () => void order.push("first step"));
      // A nested use case runs in the caller's transaction, so its step waits for the caller too.
      await withTransaction(tx, async (inner) => {
        await beforeCommit(inner, async (t) => {
          order.push("second step");
          await t.logCursor.create({ data: { name: "before-commit-test", position: 7 } });
        });
      });
      order.push("work done");
    });
    expect(order).toEqual(["work done", "first step", "second step"]);
    expect(
      await prisma.logCursor.findUnique({ where: { name: "before-commit-test" } }),
    ).toMatchObject({ position: 7 });
  });

  it("roll the whole transaction back when a step fails", async () => {
    const prisma = db();
    const failed = withTransaction(prisma, async (tx) => {
      await tx.logCursor.create({ data: { name: "rolled-back", position: 1 } });
      await beforeCommit(tx, async () => {
        throw new Error("step failed");
      });
    });
    await expect(failed).rejects.toThrow("step failed");
    expect(await prisma.logCursor.findUnique({ where: { name: "rolled-back" } })).toBeNull();
  });

  it("run at once outside a transaction opened by withTransaction", async () => {
    const prisma = db();
    const order: string[] = [];
    await prisma.$transaction(async (tx) => {
      await beforeCommit(tx, async () => void order.push("step"));
      order.push("work done");
    });
    expect(order).toEqual(["step", "work done"]);
  });
});
