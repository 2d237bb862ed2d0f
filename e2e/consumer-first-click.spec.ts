import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// Velocity Run 3 (RN-101), Black, size 42: a seeded men's running shoe stocked in many nodes.
const PRODUCT = "/products/RN-101?colour=Black&size=42";
const CLAIM = "Claim Members' 10 % off over ¥299";

/**
 * Holds every script of the next page load until `release` is called, as a slow phone does: the
 * server's HTML (and its styles) shows, but React has not attached a single handler yet.
 */
async function holdScripts(page: Page): Promise<{ release: () => void }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const scripts = /\/_next\/static\/.*\.js(\?.*)?$/;
  await page.route(scripts, async (route) => {
    await gate;
    await route.continue();
  });
  return { release: () => open() };
}

/**
 * Clicks `button` the moment it is visible, before the page's scripts have run, then lets them
 * load. The early click must either be handled, or the button must have been disabled then and
 * become enabled once it can act (the click is then made again, as a shopper would).
 */
async function clickAsSoonAsVisible(button: Locator, release: () => void): Promise<void> {
  await expect(button).toBeVisible();
  const disabledBeforeScripts = await button.isDisabled();
  if (!disabledBeforeScripts) await button.click();
  release();
  if (disabledBeforeScripts) {
    await expect(button).toBeEnabled();
    await button.click();
  }
}

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

test("a coupon's Claim clicked as soon as it shows is handled or waits visibly disabled", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await page.goto("/account/coupons");
  test.skip(
    (await page.getByRole("button", { name: CLAIM }).count()) === 0,
    "MEMBER10 was already claimed by an earlier spec in this run",
  );

  const { release } = await holdScripts(page);
  await page.goto("/account/coupons", { waitUntil: "commit" });
  const claim = page.getByRole("button", { name: CLAIM });
  await clickAsSoonAsVisible(claim, release);
  await expect(page.getByRole("status")).toContainText(
    "Claimed. Use it at checkout with code MEMBER10.",
  );
});
