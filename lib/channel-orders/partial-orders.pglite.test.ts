import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { setChannelPartialOrders } from "./set-partial-orders.server";
import { createChannelOrderWorld, type ChannelOrderWorld } from "./testing/channel-order-world";

const refusal = (e: unknown) => (isAppError(e) ? `${e.code}/${String(e.details?.reason)}` : e);

describe("setChannelPartialOrders", () => {
  const db = useMigratedDatabase("pglite");
  let w: ChannelOrderWorld;
  beforeAll(async () => {
    w = await createChannelOrderWorld(db());
  });

  it("switches partial acceptance from the version opened, audited; a stale edit changes nothing", async () => {
    const { version } = await db().channel.findUniqueOrThrow({ where: { id: w.tm.id } });
    const saved = await setChannelPartialOrders(
      db(),
      { channelCode: w.tm.code, acceptsPartialOrders: true, version },
      { userId: null },
    );
    expect(saved).toEqual({ channelCode: w.tm.code, version: version + 1 });
    const channel = await db().channel.findUniqueOrThrow({ where: { id: w.tm.id } });
    expect(channel).toMatchObject({ acceptsPartialOrders: true, version: version + 1 });
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { entity: "CHANNEL_ORDER_INTAKE", entityId: w.tm.id },
    });
    expect(audit.before).toMatchObject({ acceptsPartialOrders: false });
    expect(audit.after).toMatchObject({ acceptsPartialOrders: true });

    const stale = await setChannelPartialOrders(
      db(),
      { channelCode: w.tm.code, acceptsPartialOrders: false, version },
      { userId: null },
    ).catch(refusal);
    expect(stale).toBe("CONFLICT/CHANGED_SINCE_OPENED");
    expect(
      (await db().channel.findUniqueOrThrow({ where: { id: w.tm.id } })).acceptsPartialOrders,
    ).toBe(true);
  });

  it("refuses an unknown channel and a flag that is not a boolean", async () => {
    const unknown = await setChannelPartialOrders(
      db(),
      { channelCode: "NOPE", acceptsPartialOrders: true, version: 1 },
      { userId: null },
    ).catch(refusal);
    expect(unknown).toBe("NOT_FOUND/CHANNEL");
    const bad = await setChannelPartialOrders(
      db(),
      // @ts-expect-error a form that sends text
      { channelCode: w.jd.code, acceptsPartialOrders: "yes", version: 1 },
      { userId: null },
    ).catch((e: unknown) => (isAppError(e) ? e.code : e));
    expect(bad).toBe("INVALID_INPUT");
  });
});
