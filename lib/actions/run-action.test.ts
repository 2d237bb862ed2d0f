import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { runAction, runActionWithBearer } from "./run-action";

const SHORT = {
  reason: "STOCK",
  skuId: "tee",
  channelId: "web",
  requested: 3,
  available: 2,
} as const;
const admin: SessionUser = { id: "u1", email: "a@x", name: "A", role: "ADMIN", storeNodeId: null };
const staff: SessionUser = {
  id: "u2",
  email: "s@x",
  name: "S",
  role: "STORE_STAFF",
  storeNodeId: "n1",
};

function adminOnly() {
  const handler = vi.fn(async (input: { qty: number }) => ({ doubled: input.qty * 2 }));
  const config = {
    input: z.object({ qty: z.number().int().positive() }),
    access: ["ADMIN"] as const,
    handler,
  };
  return { config, handler };
}

describe("runAction", () => {
  it("runs the handler for an allowed role with valid input", async () => {
    const { config, handler } = adminOnly();
    await expect(runAction(config, { qty: 3 }, admin)).resolves.toEqual({
      ok: true,
      data: { doubled: 6 },
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["anonymous", null, "UNAUTHENTICATED"],
    ["another role", staff, "FORBIDDEN"],
  ] as const)("refuses %s without running the handler", async (_label, user, code) => {
    const { config, handler } = adminOnly();
    const result = await runAction(config, { qty: 3 }, user);
    expect(result).toMatchObject({ ok: false, code });
    expect(handler).not.toHaveBeenCalled();
  });

  it("checks the role before looking at the input, so a refusal reveals nothing about the schema", async () => {
    const { config } = adminOnly();
    await expect(runAction(config, { qty: "x" }, staff)).resolves.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it.each([[{ qty: 0 }], [{ qty: 1.5 }], [{}], [null], ["qty=1"]])(
    "refuses invalid input %j with field errors",
    async (raw) => {
      const { config, handler } = adminOnly();
      const result = await runAction(config, raw, admin);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.code).toBe("INVALID_INPUT");
        expect(Object.keys(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
      }
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it("passes typed refusals from the use case through with their details", async () => {
    const config = {
      input: z.object({}),
      access: "public" as const,
      handler: async (): Promise<never> => {
        throw new AppError("OUT_OF_STOCK", "Only 2 left.", { details: SHORT });
      },
    };
    await expect(runAction(config, {}, null)).resolves.toEqual({
      ok: false,
      code: "OUT_OF_STOCK",
      message: "Only 2 left.",
      details: SHORT,
    });
  });

  it("hides unexpected errors behind INTERNAL without a stack trace", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const config = {
      input: z.object({}),
      access: "public" as const,
      handler: async (): Promise<never> => {
        throw new Error("connection refused at 10.0.0.1");
      },
    };
    const result = await runAction(config, {}, null);
    expect(result).toEqual({
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong. Nothing was changed.",
    });
    spy.mockRestore();
  });
});

describe("runActionWithBearer", () => {
  function feedLike() {
    const handler = vi.fn(async (input: { code: string }, ctx: { user: SessionUser | null }) => ({
      code: input.code,
      by: ctx.user?.id ?? "token",
    }));
    const bearer = vi.fn(async (token: string, input: { code: string }) => {
      if (token !== `t-${input.code}`) throw new AppError("FORBIDDEN", "Not this channel.");
    });
    const config = {
      input: z.object({ code: z.string().min(1) }),
      access: ["ADMIN"] as const,
      bearer,
      handler,
    };
    return { config, handler, bearer };
  }

  it("serves an allowed session without asking for a token", async () => {
    const { config, bearer } = feedLike();
    await expect(runActionWithBearer(config, { code: "WEB" }, admin, "t-JD")).resolves.toEqual({
      ok: true,
      data: { code: "WEB", by: "u1" },
    });
    expect(bearer).not.toHaveBeenCalled();
  });

  it("admits a token the check accepts for the parsed input, with no user", async () => {
    const { config } = feedLike();
    await expect(runActionWithBearer(config, { code: "WEB" }, null, "t-WEB")).resolves.toEqual({
      ok: true,
      data: { code: "WEB", by: "token" },
    });
  });

  it.each([
    ["no session and no token", null, null, { code: "WEB" }, "UNAUTHENTICATED"],
    ["another role and no token", staff, null, { code: "WEB" }, "FORBIDDEN"],
    ["a token the check refuses", null, "t-JD", { code: "WEB" }, "FORBIDDEN"],
    ["a token with invalid input", staff, "t-WEB", { code: "" }, "INVALID_INPUT"],
  ] as const)("refuses %s without running the handler", async (_l, user, token, raw, code) => {
    const { config, handler } = feedLike();
    await expect(runActionWithBearer(config, raw, user, token)).resolves.toMatchObject({
      ok: false,
      code,
    });
    expect(handler).not.toHaveBeenCalled();
  });
});
