import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { setChannelIntakeSettings } from "./set-intake-settings.server";
import { createChannelOrderWorld, type ChannelOrderWorld } from "./testing/channel-order-world";

const refusal = (e: unknown) => (isAppError(e) ? `${e.code}/${String(e.details?.reason)}` : e);

describe("setChannelIntakeSettings", () => {
  const db = useMigratedDatabase("pglite");
  let w: ChannelOrderWorld;
  beforeAll(async () => {
    w = await createChannelOrderWorld(db());
  });

  it("sets partial acceptance and the unpaid hold from the version opened, audited; a stale edit changes nothing", async () => {
    const { version } = await db().channel.findUniqueOrThrow({ where: { id: w.tm.id } });
    const saved = await setChannelIntakeSettings(
      db(),
      { channelCode: w.tm.code, acceptsPartialOrders: true, unpaidHoldMinutes: "45", version },
      { userId: null },
    );
    expect(saved).toEqual({ channelCode: w.tm.code, version: version + 1 });
    const channel = await db().channel.findUniqueOrThrow({ where: { id: w.tm.id } });
    expect(channel).toMatchObject({
      acceptsPartialOrders: true,
      unpaidHoldMinutes: 45,
      version: version + 1,
    });
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { entity: "CHANNEL_ORDER_INTAKE", entityId: w.tm.id },
    });
    expect(audit.before).toMatchObject({ acceptsPartialOrders: false, unpaidHoldMinutes: 60 });
    expect(audit.after).toMatchObject({ acceptsPartialOrders: true, unpaidHoldMinutes: 45 });

    const stale = await setChannelIntakeSettings(
      db(),
      { channelCode: w.tm.code, acceptsPartialOrders: false, unpaidHoldMinutes: 60, version },
      { userId: null },
    ).catch(refusal);
    expect(stale).toBe("CONFLICT/CHANGED_SINCE_OPENED");
    expect(
      (await db().channel.findUniqueOrThrow({ where: { id: w.tm.id } })).acceptsPartialOrders,
    ).toBe(true);
  });

  it.each([0, 4, 1441, 30.5, "", "soon"])(
    "refuses an unpaid hold of %j minutes and changes nothing",
    async (unpaidHoldMinutes) => {
      const before = await db().channel.findUniqueOrThrow({ where: { id: w.jd.id } });
      const bad = await setChannelIntakeSettings(
        db(),
        {
          channelCode: w.jd.code,
          acceptsPartialOrders: true,
          unpaidHoldMinutes,
          version: before.version,
        },
        { userId: null },
      ).catch((e: unknown) => (isAppError(e) ? [e.code, Object.keys(e.fieldErrors ?? {})] : e));
      expect(bad).toEqual(["INVALID_INPUT", ["unpaidHoldMinutes"]]);
      expect(await db().channel.findUniqueOrThrow({ where: { id: w.jd.id } })).toEqual(before);
    },
  );

  it("refuses an unknown channel and a flag that is not a boolean", async () => {
    const unknown = await setChannelIntakeSettings(
      db(),
      { channelCode: "NOPE", acceptsPartialOrders: true, unpaidHoldMinutes: 60, version: 1 },
      { userId: null },
    ).catch(refusal);
    expect(unknown).toBe("NOT_FOUND/CHANNEL");
    const bad = await setChannelIntakeSettings(
      db(),
      // @ts-expect-error a form that sends text
      { channelCode: w.jd.code, acceptsPartialOrders: "yes", unpaidHoldMinutes: 60, version: 1 },
      { userId: null },
    ).catch((e: unknown) => (isAppError(e) ? e.code : e));
    expect(bad).toBe("INVALID_INPUT");
  });
});
