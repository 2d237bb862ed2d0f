import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, emptyCart, signIn, statusOf } from "./support";

// The employee store end to end, as the manager Zhou Min (the demo employee Wang Fang keeps her
// seeded quota for employee.spec.ts): filter, buy with store pickup at employee prices, pay, see
// the order and the quota go down; then the per-SKU and spend limits refuse with what is left
// and reserve nothing. Her policy (Manager allowance) allows 3 of one item a quarter.

/** "7 / 20" → 7 */
async function unitsLeft(page: Page): Promise<number> {
  await page.goto("/employee");
  const text = (await page.getByTestId("quota-units-left").textContent()) ?? "";
  return Number(text.split("/")[0]?.trim());
}

/**
 * Opens the first style in stock with a size of which the employee channel has at least four
 * units (so that adding three more is refused by the quota, not by stock), and picks that size.
 */
async function openProductInStock(page: Page): Promise<string> {
  await page.goto("/employee");
  await page.getByLabel("Stock").selectOption({ label: "In stock only" });
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/inStock=1/);
  const listing = page.url();
  const cards = page.getByTestId("employee-product-card");
  await expect(cards.first()).toBeVisible();
  await expect(cards.first().getByTestId("employee-price")).toBeVisible();
  const count = await cards.count();
  for (let i = 0; i < count; i += 1) {
    await page.goto(listing);
    await cards.nth(i).getByRole("link").first().click();
    await page.waitForURL(/\/employee\/products\//);
    const sizes = page.getByTestId("size-option");
    const available = await page
      .getByTestId("size-available")
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-available"))));
    const index = available.findIndex((n) => n >= 4);
    if (index < 0) continue;
    await sizes.nth(index).click();
    await page.waitForURL(/size=/);
    return page.url();
  }
  throw new Error("no employee style with four units of one size");
}

/** Cart, checkout and order pages keep an employee in the employee store, never the storefront. */
async function expectEmployeeStoreBar(page: Page): Promise<void> {
  await expect(page.getByRole("navigation", { name: "Employee store" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Shop" })).toHaveCount(0);
}

async function addOne(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/^Added\./)).toBeVisible();
}

async function placePickupOrder(page: Page): Promise<void> {
  await page.goto("/checkout");
  await page.getByRole("radio", { name: "Store pickup" }).check();
  await page.getByRole("group", { name: "Pickup store" }).getByRole("radio").first().check();
  await page.getByRole("button", { name: "Place order" }).click();
}

async function asAdmin(browser: Browser, work: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.admin);
  await work(page);
  await context.close();
}

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await emptyCart(page);
});

test("an employee buys within quota with store pickup, pays, and sees the order and the quota go down", async ({
  page,
}) => {
  const before = await unitsLeft(page);
  await openProductInStock(page);
  const employeePrice = (await page.getByTestId("employee-price").first().textContent()) ?? "";
  await expect(page.getByTestId("list-price").first()).toBeVisible();
  await expect(page.getByTestId("discount").first()).toHaveText(/\d+%/);
  await addOne(page);

  // The cart is the employee's own, priced at the employee price.
  await page.goto("/cart");
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(1);
  await expect(page.getByText(employeePrice).first()).toBeVisible();
  await expectEmployeeStoreBar(page);

  await placePickupOrder(page);
  // Coupons and points are member perks: the employee checkout has none.
  await page.waitForURL(/\/checkout\/pay\//);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
  const orderNo = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("pickup-code")).toHaveText(/^\d{6}$/);
  await expectEmployeeStoreBar(page);

  await page.goto("/employee");
  await page.getByRole("link", { name: "My orders" }).click();
  await page.waitForURL("**/employee/orders");
  await expect(page.getByRole("link", { name: orderNo })).toBeVisible();
  expect(await unitsLeft(page)).toBe(before - 1);
});

test("the checkout has no coupon or points for an employee", async ({ page }) => {
  await openProductInStock(page);
  await addOne(page);
  await page.goto("/checkout");
  await expect(page.getByRole("radio", { name: "Store pickup" })).toBeVisible();
  await expect(page.getByLabel("Points to use")).toHaveCount(0);
});

test("above the per-SKU limit: refused with what is left, nothing reserved or consumed", async ({
  page,
}) => {
  const before = await unitsLeft(page);
  // Bought one of this item in the first test; three more would make four of the three allowed.
  await openProductInStock(page);
  for (let i = 0; i < 3; i += 1) await addOne(page);
  await placePickupOrder(page);
  await expect(page.getByTestId("checkout-error")).toContainText(
    /You can buy \d more of .+ this quarter\.|You cannot buy more of .+ this quarter\./,
  );
  expect(page.url()).toContain("/checkout");
  expect(await unitsLeft(page)).toBe(before);
});

test("after the admin lowers the spend limit, the employee page shows it and checkout refuses", async ({
  page,
  browser,
}) => {
  await asAdmin(browser, async (admin) => {
    await admin.goto("/admin/employees");
    const policy = admin.getByTestId("policy-Manager allowance");
    await policy.getByLabel("Max spend (¥)").fill("1");
    await policy.getByRole("button", { name: "Save" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved.");
  });
  await page.goto("/employee");
  await expect(page.getByTestId("quota-spend-left")).toHaveText(/^\D*0\.00$/);

  await openProductInStock(page);
  await addOne(page);
  await placePickupOrder(page);
  await expect(page.getByTestId("checkout-error")).toContainText(
    "This order is above your employee spend limit",
  );

  // Put the allowance back as seeded for the specs that follow.
  await asAdmin(browser, async (admin) => {
    await admin.goto("/admin/employees");
    const policy = admin.getByTestId("policy-Manager allowance");
    await policy.getByLabel("Max spend (¥)").fill("8000");
    await policy.getByRole("button", { name: "Save" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved.");
  });
});

for (const [who, role] of [
  ["consumer", "consumer"],
  ["staff", "store staff member"],
] as const) {
  test(`a ${role} cannot reach the employee store`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS[who]);
    expect(await statusOf(page, "/employee")).toBe(403);
    expect(await statusOf(page, "/employee/orders")).toBe(403);
    await context.close();
  });
}
