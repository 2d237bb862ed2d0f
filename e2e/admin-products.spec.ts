import { expect, test, type Locator } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// A style code and barcodes of this run only, so a rerun against the same database never clashes.
const run = String(Date.now()).slice(-7);
const styleCode = `E2E-${run}`;
const barcodes = [`690${run}001`, `690${run}002`, `690${run}003`];

async function fillSku(line: Locator, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await line.getByLabel(label, { exact: true }).fill(value);
  }
}

test("an admin creates a style with two SKUs, reprices it, moves it to clearance; a taken barcode is refused beside its field", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "Products", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/admin/products");
  await expect(page.getByTestId("styles").getByRole("row").nth(1)).toBeVisible();
  await page.getByRole("link", { name: "New style" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/products/new");

  const form = page.getByTestId("create-style");
  await form.getByLabel("Style code").fill(styleCode);
  await form.getByLabel("Name", { exact: true }).fill("Trail Runner E2E");
  await form.getByLabel("Chinese name").fill("越野跑鞋测试");
  await form.getByLabel("List price (yuan)", { exact: true }).fill("699");
  const colour = { Colour: "Black", "Chinese colour": "黑色", "Colour code": "#111111" };
  await fillSku(form.getByTestId("sku-line-0"), {
    ...colour,
    "SKU code": `${styleCode}-BLK-41`,
    Barcode: barcodes[0] ?? "",
    Size: "41",
    "Size order": "41",
  });
  await form.getByRole("button", { name: "Add a SKU line" }).click();
  await fillSku(form.getByTestId("sku-line-1"), {
    ...colour,
    "SKU code": `${styleCode}-BLK-42`,
    Barcode: barcodes[1] ?? "",
    Size: "42",
    "Size order": "42",
  });
  await form.getByRole("button", { name: "Create style" }).click();
  await page.waitForURL((url) => url.pathname === `/admin/products/${styleCode}`);
  await expect(page.getByTestId(`sku-${styleCode}-BLK-41`)).toBeVisible();
  await expect(page.getByTestId(`sku-${styleCode}-BLK-42`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("products-created.png"), fullPage: true });

  // Reprice the style: saved in fen, shown again in yuan.
  const style = page.getByTestId("style-form");
  await style.getByLabel("List price (yuan)", { exact: true }).fill("649.5");
  await style.getByRole("button", { name: "Save style" }).click();
  await expect(style.getByRole("status")).toHaveText("Saved.");
  // The same editor saves again: its version moved on with the first save.
  await style.getByLabel("Chinese name").fill("越野跑鞋测试二");
  await style.getByRole("button", { name: "Save style" }).click();
  await expect(style.getByRole("status")).toHaveText("Saved.");

  const lifecycle = page.getByTestId("lifecycle-form");
  await lifecycle.getByLabel("Lifecycle").selectOption("CLEARANCE");
  await lifecycle.getByRole("button", { name: "Save lifecycle" }).click();
  await expect(lifecycle.getByRole("status")).toHaveText("Saved.");

  // A channel price for every SKU of the style.
  const price = page.getByTestId("channel-price-form");
  await price.getByLabel("Price (yuan)").fill("599");
  await price.getByRole("button", { name: "Save price" }).click();
  await expect(price.getByRole("status")).toHaveText("Saved.");

  await page.reload();
  await expect(
    page.getByTestId("style-form").getByLabel("List price (yuan)", { exact: true }),
  ).toHaveValue("649.5");
  await expect(page.getByTestId("lifecycle-form").getByLabel("Lifecycle")).toHaveValue("CLEARANCE");
  await expect(page.getByTestId("channel-prices")).toContainText("599");

  // A new SKU with the first SKU's barcode: refused beside the barcode field, nothing added.
  const added = page.getByTestId("sku-new");
  await fillSku(added, {
    ...colour,
    "SKU code": `${styleCode}-BLK-43`,
    Barcode: barcodes[0] ?? "",
    Size: "43",
  });
  await added.getByRole("button", { name: "Add SKU" }).click();
  const barcode = added.getByLabel("Barcode", { exact: true });
  await expect(barcode).toHaveAttribute("aria-invalid", "true");
  const errorId = await barcode.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${errorId}"]`)).toContainText("already on another item");
  await page.screenshot({ path: test.info().outputPath("products-duplicate.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId(`sku-${styleCode}-BLK-43`)).toHaveCount(0);

  // The style is found by the search on the list.
  await page.goto(`/admin/products?q=${barcodes[1]}`);
  await expect(page.getByTestId("styles").getByRole("link", { name: styleCode })).toBeVisible();
  await expect(page.getByTestId("styles")).toContainText("Clearance");
});

for (const [who, role] of [
  ["consumer", "a consumer"],
  ["staff", "a store staff member"],
  ["employee", "an employee"],
] as const) {
  test(`${role} is refused the products console`, async ({ page }) => {
    await signIn(page, ACCOUNTS[who]);
    expect(await statusOf(page, "/admin/products")).toBe(403);
    expect(await statusOf(page, "/admin/products/new")).toBe(403);
    expect(await statusOf(page, "/admin/products/RN-101")).toBe(403);
  });
}
