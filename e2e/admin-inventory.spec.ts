import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// The pool dashboard: regions → a Shanghai store → its SKUs and back by the breadcrumbs, a
// sorted column, the three charts drawn, the alerts with their links, and params it does not
// know falling back to the defaults. Screenshots in English, Chinese and at a phone's width.

const SH_001 = "Shanghai Nanjing Road Flagship (SH-001)";

/** The numbers of one column of a dashboard table, top to bottom. */
async function column(table: Locator, index: number): Promise<number[]> {
  const cells = await table.locator(`tbody tr td:nth-of-type(${index})`).allTextContents();
  return cells.map((c) => Number(c.replace(/[^\d.]/g, "")));
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`inv-${name}.png`), fullPage: true });
}

async function expectCharts(page: Page) {
  for (const id of ["chart-stock-by-type", "chart-sell-through", "chart-days-of-supply"]) {
    const chart = page.getByTestId(id);
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    // The same figures for screen readers.
    expect(await chart.locator(".sr-only table tbody tr").count()).toBeGreaterThan(0);
  }
}

test("an admin drills from regions into a Shanghai store's SKUs and back, sorts, sees charts and alerts", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/inventory");
  await expect(page.getByRole("heading", { name: "Inventory dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Transfer suggestions" })).toHaveAttribute(
    "href",
    "/admin/inventory/transfers",
  );
  await expect(page.getByRole("link", { name: "Replenishment" })).toHaveAttribute(
    "href",
    "/admin/inventory/replenishment",
  );

  // Regions, with every figure of the pool.
  const regions = page.getByTestId("inventory-regions");
  await expect(regions.getByRole("link", { name: "Shanghai", exact: true })).toBeVisible();
  const onHandTotal = Number(
    (await page.getByTestId("total-onHand").textContent())!.replace(/\D/g, ""),
  );
  expect(onHandTotal).toBeGreaterThan(0);
  expect((await column(regions, 1)).reduce((a, b) => a + b, 0)).toBe(onHandTotal);
  await expectCharts(page);
  await shoot(page, "regions-en");

  // Sorting by a header, on the server: most on hand first, then the other way round.
  await regions.getByTestId("sort-onHand").click();
  await page.waitForURL(/sort=onHand&dir=desc/);
  const down = await column(page.getByTestId("inventory-regions"), 1);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  await page.getByTestId("inventory-regions").getByTestId("sort-onHand").click();
  await page.waitForURL(/sort=onHand&dir=asc/);
  const up = await column(page.getByTestId("inventory-regions"), 1);
  expect(up).toEqual([...down].reverse());
  await expect(
    page.getByTestId("inventory-regions").getByRole("columnheader", { name: /On hand/ }),
  ).toHaveAttribute("aria-sort", "ascending");

  // Shanghai → the flagship store → its SKUs.
  await page
    .getByTestId("inventory-regions")
    .getByRole("link", { name: "Shanghai", exact: true })
    .click();
  await page.waitForURL(/city=Shanghai/);
  const nodes = page.getByTestId("inventory-nodes");
  await expect(
    nodes.getByRole("link", { name: "East China Central Warehouse (CW-SH)" }),
  ).toBeVisible();
  await nodes.getByRole("link", { name: SH_001 }).click();
  await page.waitForURL(/node=SH-001/);
  const skus = page.getByTestId("inventory-skus");
  await expect(skus.locator("caption")).toHaveText(`SKUs at ${SH_001}`);
  expect(await skus.locator("tbody tr").count()).toBeGreaterThan(1);
  // The sort chosen above rides along the drill-down.
  const skuOnHand = await column(skus, 1);
  expect(skuOnHand).toEqual([...skuOnHand].sort((a, b) => a - b));
  const crumbs = page.getByTestId("inventory-breadcrumbs");
  await expect(crumbs).toHaveText(`All regions›Shanghai›${SH_001}`);
  await expectCharts(page);
  await shoot(page, "store-en");

  // Back up by the breadcrumbs.
  await crumbs.getByRole("link", { name: "Shanghai" }).click();
  await expect(page.getByTestId("inventory-nodes")).toBeVisible();
  await expect(page).not.toHaveURL(/node=/);
  await page
    .getByTestId("inventory-breadcrumbs")
    .getByRole("link", { name: "All regions" })
    .click();
  await expect(page.getByTestId("inventory-regions")).toBeVisible();
  await expect(page).not.toHaveURL(/city=/);

  // Alerts, each with the link that acts on it.
  const alerts = page.getByTestId("inventory-alerts");
  const rows = alerts.locator("[data-testid^='alert-'][data-sku]");
  expect(await rows.count()).toBeGreaterThan(0);
  const slow = alerts.getByTestId("alert-SLOW_MOVER").first();
  if ((await slow.count()) > 0) {
    const sku = await slow.getAttribute("data-sku");
    await expect(slow.getByRole("link", { name: "Move stock" })).toHaveAttribute(
      "href",
      `/admin/inventory/transfers?q=${encodeURIComponent(sku!)}`,
    );
    expect(await slow.getAttribute("data-node")).toMatch(/^[A-Z]{2}-/);
  }
  const out = alerts.getByTestId("alert-STOCK_OUT").first();
  if ((await out.count()) > 0) {
    const sku = await out.getAttribute("data-sku");
    await expect(out.getByRole("link", { name: "Replenish" })).toHaveAttribute(
      "href",
      `/admin/inventory/replenishment?q=${encodeURIComponent(sku!)}`,
    );
  }

  // The filter form is a plain GET: a SKU search and a window narrow every table.
  await page.getByLabel("SKU code or style").fill("RN-101");
  await page.getByLabel("Sales window").selectOption("7");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/q=RN-101/);
  await expect(page).toHaveURL(/window=7/);
  await expect(page.getByTestId("inventory-regions")).toContainText("Sold in 7 days");
  const filtered = Number(
    (await page.getByTestId("total-onHand").textContent())!.replace(/\D/g, ""),
  );
  expect(filtered).toBeLessThan(onHandTotal);

  // Params it does not know fall back to the defaults rather than failing.
  expect(
    await statusOf(
      page,
      "/admin/inventory?window=9999&sort=drop&dir=up&node=NOPE&slow=-1&category=x",
    ),
  ).toBe(200);
  await expect(page.getByTestId("inventory-regions")).toBeVisible();
  await expect(page.getByTestId("total-onHand")).toHaveText(
    String(onHandTotal.toLocaleString("en")),
  );
});

test("an admin reads the dashboard in Chinese and on a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: new URL("/", page.url()).href }]);
  await page.goto("/admin/inventory");
  await expect(page.getByRole("heading", { name: "库存看板" })).toBeVisible();
  await expect(
    page.getByTestId("inventory-regions").getByRole("link", { name: "上海" }),
  ).toBeVisible();
  await expectCharts(page);
  await shoot(page, "regions-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/inventory?city=Shanghai&node=SH-001");
  await expect(page.getByTestId("inventory-skus")).toBeVisible();
  await expectCharts(page);
  await expect(page.getByTestId("inventory-skus-limited")).toContainText("显示前 100 行");
  await shoot(page, "store-zh-phone");
  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL("/", page.url()).href }]);
  await page.goto("/admin/inventory?city=Shanghai");
  await expectCharts(page);
  // Wide tables scroll in their own box: the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, "city-phone");
});
