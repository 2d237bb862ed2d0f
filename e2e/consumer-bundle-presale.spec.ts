import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, emptyCart, signIn } from "./support";

// Bundles and presale from the shopper's side: a set (组合商品) and a presale size go into the
// cart, the presale's ship date is shown on the product page and in the cart, checkout offers
// express only, and the demo payment completes the order.

async function addFromProductPage(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/^Added\./)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ACCOUNTS.consumer);
  await emptyCart(page);
});

test("a bundle and a presale size check out by express, priced as the bundle, and are paid", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await addFromProductPage(page, "/products/KIT-RUN?colour=Black&size=42");
  await page.goto("/products/RN-109?colour=Aurora&size=42");
  await expect(page.getByTestId("presale-ship-date")).toContainText(
    /Presale: expected to ship .+ Express delivery only\. \d+ left on presale\./,
  );
  // Never "out of stock" beside a presale that is still selling.
  await expect(page.getByTestId("stock-state")).toHaveText("42: Presale");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/^Added\./)).toBeVisible();

  await page.goto("/cart");
  const lines = page.getByTestId("cart-line");
  await expect(lines).toHaveCount(2);
  const kit = lines.filter({ hasText: "Marathon Starter Kit" });
  await expect(kit).toContainText("¥899.00");
  await expect(kit.getByTestId("presale-ship-date")).toHaveCount(0);
  const presale = lines.filter({ hasText: "Velocity Run 4" });
  await expect(presale.getByTestId("presale-ship-date")).toContainText(
    /Presale: expected to ship .+, by express delivery only\./,
  );

  await page.goto("/checkout");
  await page.getByLabel("Deliver to area").selectOption({ label: "Shanghai · Huangpu" });
  await page.getByRole("button", { name: "Show options" }).click();
  await page.waitForURL(/area=/);
  await expect(page.getByRole("radio", { name: "Store pickup" })).toBeDisabled();
  await expect(page.getByRole("radio", { name: "Same-city delivery" })).toBeDisabled();
  await expect(page.getByTestId("method-SAME_CITY-reason")).toContainText(
    "Velocity Run 4 (Aurora, 42) is a presale item and ships only by express.",
  );
  const express = page.getByRole("radio", { name: "Express delivery" });
  await expect(express).toBeEnabled();
  await express.check();
  await page.getByLabel("Street address").fill("88 Henan Road Middle");
  await page.getByRole("button", { name: "Place order" }).click();

  await page.waitForURL(/\/checkout\/pay\//);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  // The kit ships now, from one place holding all its parts; the presale waits for its stock.
  await expect(page.getByTestId("shipment")).toHaveCount(1);
  const items = page.getByRole("complementary", { name: "Items" });
  await expect(items).toContainText("Marathon Starter Kit · Black · 42 × 1");
  await expect(items).toContainText("Velocity Run 4 · Aurora · 42 × 1");
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(0);
});
