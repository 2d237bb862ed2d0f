import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

test("store staff land on their own store's console", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  await expect(page.getByRole("heading", { name: "Shanghai Nanjing Road Flagship" })).toBeVisible();
  await expect(page.getByTestId("store-tasks")).toBeVisible();
  expect(Number(await page.getByTestId("store-skus").textContent())).toBeGreaterThan(0);
  expect(await statusOf(page, "/admin")).toBe(403);
  expect(await statusOf(page, "/employee")).toBe(403);
});
