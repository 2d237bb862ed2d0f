import { expect, test } from "@playwright/test";
import { clickAsSoonAsVisible, holdScripts } from "./support";

// The coupon's Claim gets the same first-click check in consumer-account.spec.ts, the one spec
// that may claim the seeded MEMBER10.

// Velocity Run 3 (RN-101), Black, size 42: a seeded men's running shoe stocked in many nodes.
const PRODUCT = "/products/RN-101?colour=Black&size=42";

test("add to cart clicked as soon as it shows is handled or waits visibly disabled", async ({
  page,
}) => {
  // The server publishes web stock shortly after start: wait for a sellable button first.
  await expect(async () => {
    await page.goto(PRODUCT);
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  const { release } = await holdScripts(page);
  await page.goto(PRODUCT, { waitUntil: "commit" });
  const add = page.getByRole("button", { name: "Add to cart" });
  await clickAsSoonAsVisible(add, release);
  await expect(page.getByRole("status")).toContainText("Added. 1 item in your cart.");
});
