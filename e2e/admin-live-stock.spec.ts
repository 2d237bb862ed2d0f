import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// A style no other end-to-end test touches.
const STYLE = "HD-603";

test("a size that stops selling shows as sold out on a product page already open, without a reload", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A shopper has the product page open on a size the web sells.
  const shopperContext = await browser.newContext({ baseURL });
  const shopper = await shopperContext.newPage();
  await shopper.goto(`/products/${STYLE}`);
  const option = shopper.getByTestId("size-option").filter({ hasNotText: "Out of stock" }).first();
  const skuCode = (await option.getAttribute("data-sku-code")) ?? "";
  expect(skuCode).toMatch(new RegExp(`^${STYLE}-`));
  await option.click();
  await expect(shopper).toHaveURL(/size=/);
  const addToCart = shopper.getByRole("button", { name: "Add to cart" });
  await expect(addToCart).toBeEnabled();
  await expect(shopper.getByTestId("stock-state")).not.toContainText("Out of stock");

  // The admin stops the web selling that SKU: a fixed allocation of 0.
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/allocation");
  await page.getByRole("button", { name: "New policy" }).click();
  const editor = page.getByTestId("policy-editor");
  await editor.locator('select[name="channelCode"]').selectOption("WEB");
  await editor.locator('select[name="scope"]').selectOption("SKU");
  await editor.locator('input[name="skuCode"]').fill(skuCode);
  await editor.locator('select[name="mode"]').selectOption("FIXED");
  await editor.locator('input[name="fixedQty"]').fill("0");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByRole("status")).toContainText("Saved");
  const saved = Date.now();

  // The open page says so by itself: the size, the chosen-size line and the button.
  await expect(shopper.getByTestId("stock-state")).toContainText("Out of stock");
  await expect(shopper.locator(`[data-sku-code="${skuCode}"]`)).toContainText("Out of stock");
  await expect(addToCart).toBeDisabled();
  test.info().annotations.push({
    type: "sold out shown after",
    description: `${Date.now() - saved} ms`,
  });
  await shopper.screenshot({ path: test.info().outputPath("live-sold-out.png"), fullPage: true });
  await shopperContext.close();
});

test("the live stock stream refuses what is not a list of SKU codes", async ({ request }) => {
  for (const skus of [
    "",
    "<script>",
    "A,,B",
    Array.from({ length: 61 }, (_, i) => `X-${i}`).join(","),
  ]) {
    const response = await request.get(
      `/api/catalogue/stock/stream?skus=${encodeURIComponent(skus)}`,
    );
    expect(response.status(), JSON.stringify(skus)).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT" } });
  }
  const missing = await request.get("/api/catalogue/stock/stream");
  expect(missing.status()).toBe(400);
});
