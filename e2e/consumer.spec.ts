import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

test("a consumer signs in to the storefront and is refused the other areas with 403", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await expect(page.getByTestId("featured-products")).toBeVisible();
  for (const area of ["/admin", "/store", "/employee"]) {
    expect(await statusOf(page, area)).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  }
});
