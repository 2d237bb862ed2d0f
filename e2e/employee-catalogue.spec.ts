import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// The employee store's catalogue: what the EMPLOYEE channel sells, at employee prices, per size.

test("an employee filters the offer, opens a style and sees prices and units per size", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.employee);
  const cards = page.getByTestId("clearance-products").getByTestId("employee-product-card");
  const all = await cards.count();
  expect(all).toBeGreaterThan(3);
  await expect(page.getByTestId("quota-units-left")).toHaveText(/^\d+ \/ \d+$/);
  const first = cards.first();
  await expect(first.getByTestId("employee-price")).toHaveText(/¥/);
  await expect(first.getByTestId("list-price")).toHaveText(/¥/);
  await expect(first.getByTestId("discount")).toHaveText(/^−\d+%$/);
  await page.screenshot({ path: test.info().outputPath("emp-listing.png"), fullPage: true });

  // A category and "in stock only": fewer or as many styles, each with units on sale.
  const category = page.getByLabel("Category");
  const slug = await category.locator("option").nth(1).getAttribute("value");
  await category.selectOption(slug ?? "");
  await page.getByLabel("Stock").selectOption("1");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL((url) => url.searchParams.get("inStock") === "1");
  expect(new URL(page.url()).searchParams.get("category")).toBe(slug);
  const filtered = await cards.count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThanOrEqual(all);
  for (const text of await cards.getByTestId("style-available").allTextContents())
    expect(text).toMatch(/^\d+ units? available$/);
  await page.screenshot({ path: test.info().outputPath("emp-filtered.png"), fullPage: true });

  // A size nobody makes lists nothing.
  await page.goto("/employee?size=NO-SUCH-SIZE");
  await expect(page.getByTestId("employee-no-results")).toBeVisible();
  await expect(cards).toHaveCount(0);

  // A style with several sizes: none is chosen until the employee picks one.
  await page.goto("/employee?inStock=1");
  await cards.filter({ hasText: "·" }).first().click();
  await page.waitForURL(/\/employee\/products\//);
  await expect(page.getByTestId("employee-price")).toHaveText(/¥/);
  await expect(page.getByTestId("list-price")).toHaveText(/¥/);
  await expect(page.getByTestId("discount")).toHaveText(/^−\d+%$/);
  const sizes = page.getByTestId("size-available");
  expect(await sizes.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("pickable")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("emp-product.png"), fullPage: true });

  // Choose a size on sale: its units show and the cart button opens.
  const onSale = page.locator('[data-testid="size-available"]:not([data-available="0"])').first();
  const units = Number(await onSale.getAttribute("data-available"));
  expect(units).toBeGreaterThan(0);
  await expect(onSale).toHaveText(new RegExp(`^${units} units? available$`));
  await onSale.click();
  await page.waitForURL(/size=/);
  await expect(page.getByTestId("pickable")).toHaveText(/you can take up to \d+/);
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath("emp-product-size.png"), fullPage: true });

  // The same page in Chinese: every label in Chinese, the units per size as numbers.
  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL("/", page.url()).href }]);
  await page.reload();
  await expect(page.getByTestId("pickable")).toHaveText(/最多可购 \d+ 件/);
  await expect(page.getByTestId("size-available").first()).toHaveText(/^(可购 \d+ 件|已售罄)$/);
  await page.screenshot({ path: test.info().outputPath("emp-product-zh.png"), fullPage: true });
  await page.goto("/employee?inStock=1");
  await expect(page.getByRole("heading", { name: "员工内购" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("emp-listing-zh.png"), fullPage: true });
});

test("a style the employee channel does not sell is not found in the employee store", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.employee);
  expect(await statusOf(page, "/employee/products/NO-SUCH-STYLE")).toBe(404);
  // The storefront's styles are in season: the employee channel is allocated none of them.
  await page.goto("/shop");
  const href = await page.getByTestId("product-card").first().locator("a").getAttribute("href");
  const styleCode = href?.split("/").pop() ?? "";
  expect(styleCode).not.toBe("");
  expect(await statusOf(page, `/employee/products/${styleCode}`)).toBe(404);
});
