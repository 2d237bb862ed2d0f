import { describe, expect, it, vi } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { AppError } from "@/lib/errors/app-error";
import { refusalOf } from "@/lib/reservations/test-world";
import { createTransfer } from "./create-transfer.server";
import { findSkusByCode, linesBySkuId } from "./find-skus-by-code.server";
import {
  listIncomingTransfers,
  listReceivedTransfers,
  listTransferNodes,
} from "./list-transfers.server";
import { receiveTransfer } from "./receive-transfer.server";
import { shipTransfer } from "./ship-transfer.server";
import { createTransferWorld } from "./testing/transfer-world";

vi.mock("@/lib/feed/feed-publisher.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/feed/feed-publisher.server")>()),
  notifyStockChanged: () => undefined,
}));

// The reads behind the transfer screens: SKU codes typed into the console's form, the nodes its
// selects offer, and a store's incoming and received transfers.
describe("the transfer screens' reads on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");

  it("finds SKUs by code in one call, leaving out codes that name none", async () => {
    const w = await createTransferWorld(db());
    const found = await findSkusByCode(db(), [w.sku("tee"), "NO-SUCH-SKU", w.sku("tee")]);
    expect([...found]).toEqual([[w.sku("tee"), w.sku("tee")]]);
    expect(await findSkusByCode(db(), [])).toEqual(new Map());
  });

  it("turns a form's lines by code into lines by id, in order", async () => {
    const w = await createTransferWorld(db());
    const skuCode = async (key: string) =>
      (await db().sku.findUniqueOrThrow({ where: { id: w.sku(key) } })).skuCode;
    expect(
      await linesBySkuId(db(), [
        { skuCode: await skuCode("cap"), quantity: 2 },
        { skuCode: await skuCode("tee"), quantity: 5 },
      ]),
    ).toEqual([
      { skuId: w.sku("cap"), quantity: 2 },
      { skuId: w.sku("tee"), quantity: 5 },
    ]);
  });

  it("refuses the first unknown code beside its line, naming the code", async () => {
    const w = await createTransferWorld(db());
    const error: AppError = await refusalOf(
      linesBySkuId(db(), [
        { skuCode: w.sku("tee"), quantity: 1 },
        { skuCode: "NOPE-1", quantity: 1 },
        { skuCode: "NOPE-2", quantity: 1 },
      ]),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.details).toEqual({ reason: "SKU_CODE", skuCode: "NOPE-1" });
    expect(error.fieldErrors).toEqual({ "lines.1.skuCode": [{ problem: "INVALID" }] });
  });

  it("offers every active node and no inactive one", async () => {
    const w = await createTransferWorld(db());
    await db().node.update({ where: { id: w.node("wh") }, data: { active: false } });
    const ids = (await listTransferNodes(db())).map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([w.node("a"), w.node("b")]));
    expect(ids).not.toContain(w.node("wh"));
  });

  it("moves a store's transfer from incoming to received, with the short line", async () => {
    const w = await createTransferWorld(db());
    const created = await createTransfer(db(), {
      actor: w.admin,
      transfer: {
        fromNodeId: w.node("a"),
        toNodeId: w.node("b"),
        reason: "weekend",
        lines: [{ skuId: w.sku("tee"), quantity: 3 }],
      },
    });
    await shipTransfer(db(), { actor: w.admin, transferId: created.transferId });
    const incoming = await listIncomingTransfers(db(), { storeNodeId: w.node("b") });
    expect(incoming.map((t) => t.transferNo)).toEqual([created.transferNo]);
    expect(await listReceivedTransfers(db(), { storeNodeId: w.node("b") })).toEqual([]);

    await receiveTransfer(db(), {
      actor: w.staffB,
      receipt: {
        transferId: created.transferId,
        lines: [{ lineId: created.lines[0]!.lineId, receivedQty: 2 }],
      },
    });
    expect(await listIncomingTransfers(db(), { storeNodeId: w.node("b") })).toEqual([]);
    const [received] = await listReceivedTransfers(db(), { storeNodeId: w.node("b") });
    expect(received?.status).toBe("RECEIVED");
    expect(received?.lines.map((l) => [l.quantity, l.receivedQty, l.shortBy])).toEqual([[3, 2, 1]]);
    expect(received?.short).toBe(true);
  });
});
