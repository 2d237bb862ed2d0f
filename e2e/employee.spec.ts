import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

test("an employee sees the clearance catalogue and the quota left", async ({ page }) => {
  await signIn(page, ACCOUNTS.employee);
  await expect(page.getByRole("heading", { name: "Employee store" })).toBeVisible();
  await expect(page.getByTestId("quota-units-left")).toHaveText(/^\d+ \/ \d+$/);
  expect(await page.getByTestId("clearance-products").locator("> *").count()).toBeGreaterThan(3);
  expect(await statusOf(page, "/admin")).toBe(403);
  expect(await statusOf(page, "/store")).toBe(403);
});
