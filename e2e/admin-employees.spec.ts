import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// The demo employee's own policy stays as seeded (employee.spec reads its limits); the manager's
// policy is the one edited here.
test("an admin edits a quota policy and sees it saved, and downloads purchase totals as CSV", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "Employee store" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/employees");
  const policy = page.getByTestId("policy-Manager allowance");
  await policy.getByLabel("Max units").fill("24");
  await policy.getByLabel("Max spend (¥)").fill("8500.50");
  await policy.getByRole("button", { name: "Save" }).click();
  await expect(policy.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByTestId("policy-Manager allowance").getByLabel("Max units")).toHaveValue(
    "24",
  );
  await expect(
    page.getByTestId("policy-Manager allowance").getByLabel("Max spend (¥)"),
  ).toHaveValue("8500.5");

  await policy.getByLabel("Max per SKU").fill("0");
  await policy.getByRole("button", { name: "Save" }).click();
  await expect(policy.getByRole("alert").filter({ hasText: /./ })).toBeVisible();

  const csv = await page.request.get("/api/admin/employee-purchases?period=2026-Q4&by=sku");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["cache-control"]).toBe("private, no-store");
  expect((await csv.text()).split("\r\n")[0]).toBe("period,sku,item,units,spend_yuan");
  const nul = await page.request.get("/api/admin/employee-purchases?period=2026%00");
  expect(nul.status()).toBe(400);
});

for (const [who, role] of [
  ["consumer", "consumer"],
  ["staff", "store staff member"],
] as const) {
  test(`a ${role} is refused the employee console and its CSV`, async ({ page }) => {
    await signIn(page, ACCOUNTS[who]);
    expect(await statusOf(page, "/admin/employees")).toBe(403);
    const csv = await page.request.get("/api/admin/employee-purchases?period=2026-Q4");
    expect(csv.status()).toBe(403);
  });
}
