import { expect as baseExpect, test, type Page } from "@playwright/test";
import { ACCOUNTS, addFeaturedToCart, emptyCart, signIn } from "./support";

// Points from the shopper's side: paying an order (demo provider) credits its points at once,
// and the points page shows the order's row and the new balance.

const expect = baseExpect.configure({ timeout: 15_000 });

async function pointsBalance(page: Page): Promise<number> {
  await page.goto("/account/points");
  return Number((await page.getByTestId("points-balance").textContent())?.replace(/\D/g, ""));
}

test("paying an order credits one point per whole yuan of goods, shown with the order's row", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await emptyCart(page);
  const before = await pointsBalance(page);

  await addFeaturedToCart(page, 0);

  await page.goto("/checkout");
  await page.getByRole("radio", { name: "Store pickup" }).check();
  const stores = page.getByRole("group", { name: "Pickup store" }).getByRole("radio");
  await expect(stores.first()).toBeVisible();
  await stores.first().check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/checkout\/pay\//);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
  const orderNo = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  // A pickup order pays for goods only: the total in fen, one point per whole yuan.
  const totalFen = Number(
    (await page.getByTestId("order-total").textContent())?.replace(/\D/g, ""),
  );
  const earned = Math.floor(totalFen / 100);
  expect(earned).toBeGreaterThan(0);

  await page.goto("/account/points");
  await expect(page.getByTestId("points-balance")).toHaveText(String(before + earned));
  const row = page.getByTestId("points-entry").filter({ hasText: orderNo });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Earned on an order");
  await expect(row).toContainText(`+${earned}`);
  await row.getByRole("link", { name: orderNo }).click();
  await page.waitForURL(new RegExp(`/orders/${orderNo}`));
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
});
