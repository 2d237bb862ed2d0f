import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// Velocity Run 3 (RN-101), Black, size 42: a seeded men's running shoe stocked in many nodes.
const PRODUCT = "/products/RN-101?colour=Black&size=42";

/** Opens the product and waits until the server has published web stock for it. */
async function openProductWithStock(page: Page) {
  await expect(async () => {
    await page.goto(PRODUCT);
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
}

test("an anonymous cart lives on the server, survives a reload and joins the consumer's cart at sign-in", async ({
  page,
}) => {
  await openProductWithStock(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added. 1 item in your cart.");
  await page.getByRole("link", { name: "View cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Quantity of Velocity Run 3 Black 42")).toHaveValue("1");

  await page.getByRole("button", { name: "One more Velocity Run 3 Black 42" }).click();
  await expect(page.getByLabel("Quantity of Velocity Run 3 Black 42")).toHaveValue("2");
  await expect(page.getByText("2 items", { exact: true })).toBeVisible();

  await signIn(page, ACCOUNTS.consumer);
  await page.goto("/cart");
  const merged = page.getByLabel("Quantity of Velocity Run 3 Black 42");
  await expect(merged).toBeVisible();
  expect(Number(await merged.inputValue())).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("link", { name: "Checkout" })).toHaveAttribute("href", "/checkout");
});

test("bad quantities get a clear message and change nothing; removing empties the cart", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await openProductWithStock(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("in your cart");
  await page.goto("/cart");
  const quantity = page.getByLabel("Quantity of Velocity Run 3 Black 42");
  const before = await quantity.inputValue();

  for (const bad of ["0", "-3", "100"]) {
    await quantity.fill(bad);
    await quantity.press("Enter");
    // Next.js keeps its own (empty) route announcer with role alert, so match the text too.
    await expect(
      page.getByRole("alert").filter({ hasText: /number of at least 1|number of at most 99/ }),
    ).toBeVisible();
    await expect(quantity).toHaveValue(before);
  }
  await page.reload();
  await expect(page.getByLabel("Quantity of Velocity Run 3 Black 42")).toHaveValue(before);

  await page.getByRole("button", { name: "Remove Velocity Run 3 Black 42" }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a Chinese page words a refused quantity in Chinese, never in the server's English", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await openProductWithStock(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("in your cart");
  await page.goto("/cart");
  await page.getByLabel("Language").selectOption("zh-CN");
  const quantity = page.getByRole("spinbutton").first();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/cart/i);
  const before = await quantity.inputValue();

  await quantity.fill("100");
  await quantity.press("Enter");
  const refusal = page.getByRole("alert").filter({ hasText: "请输入不大于 99 的数字。" });
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toContainText(/[A-Za-z]{3,}/);
  await expect(quantity).toHaveValue(before);
  await page.getByLabel("语言").selectOption("en");
});

test("asking for more than the web store can sell says how many are left and changes nothing", async ({
  page,
}) => {
  // Nightrun Reflective Jacket (JK-407), Volt, XS: the seed stocks well under 99 of it.
  await signIn(page, ACCOUNTS.consumer);
  await expect(async () => {
    await page.goto("/products/JK-407?colour=Volt&size=XS");
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("in your cart");
  await page.goto("/cart");
  const quantity = page.getByLabel("Quantity of Nightrun Reflective Jacket Volt XS");
  const before = await quantity.inputValue();
  await quantity.fill("99");
  await quantity.press("Enter");
  await expect(
    page.getByRole("alert").filter({
      hasText:
        /^Nightrun Reflective Jacket · Volt · XS: only \d+ left online; your cart was not changed\.$/,
    }),
  ).toBeVisible();
  await expect(quantity).toHaveValue(before);
  await page.reload();
  await expect(page.getByLabel("Quantity of Nightrun Reflective Jacket Volt XS")).toHaveValue(
    before,
  );
});
