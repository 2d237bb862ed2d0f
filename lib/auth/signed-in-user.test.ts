import { describe, expect, it } from "vitest";
import { parseSignedInUser } from "./signed-in-user";

describe("parseSignedInUser", () => {
  it("reads the name and role of a signed-in session", () => {
    expect(
      parseSignedInUser({
        user: { name: "Li Na", email: "li@example.com", role: "EMPLOYEE" },
        expires: "2026-12-01T00:00:00Z",
      }),
    ).toEqual({
      name: "Li Na",
      role: "EMPLOYEE",
    });
  });

  it("treats the empty session of a signed-out visitor as nobody", () => {
    expect(parseSignedInUser({})).toBeNull();
  });

  it.each([
    null,
    "x",
    42,
    [],
    { user: null },
    { user: "admin" },
    { user: { name: "A" } },
    { user: { name: "A", role: "ROOT" } },
  ])("treats %j as nobody", (body) => {
    expect(parseSignedInUser(body)).toBeNull();
  });

  it("keeps a known role even without a name", () => {
    expect(parseSignedInUser({ user: { role: "ADMIN" } })).toEqual({ name: "", role: "ADMIN" });
  });
});
