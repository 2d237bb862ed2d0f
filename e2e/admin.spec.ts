import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

test("an HQ admin sees the whole pool", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByRole("heading", { name: "HQ console" })).toBeVisible();
  const skus = Number((await page.getByTestId("admin-sku-count").textContent())?.replace(/,/g, ""));
  expect(skus).toBeGreaterThanOrEqual(500);
  await expect(page.getByTestId("admin-channels").locator("li")).toHaveCount(8);
  expect(await statusOf(page, "/store")).toBe(403);
  expect(await statusOf(page, "/employee")).toBe(403);
});
