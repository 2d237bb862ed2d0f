import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// HQ's stock suggestions on the demo brand: a transfer suggestion accepted into the new-transfer
// form, replenishment by warehouse and its CSV, in English and Chinese.

const CSV_HEADER = "supplier,node,sku,quantity,need,shortfall,available,inbound,units_sold";

test("an admin accepts a transfer suggestion into the transfer form", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/inventory/transfers");
  await expect(page.getByRole("heading", { name: "Transfer suggestions" })).toBeVisible();
  await expect(page.getByText(/gives what it holds beyond its reserved units/)).toBeVisible();
  const rows = page.getByTestId("transfer-suggestion");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath("transfer-suggestions.png") });

  const row = rows.first();
  const attribute = async (name: string) => (await row.getAttribute(name)) ?? "";
  const sku = await attribute("data-sku");
  const from = await attribute("data-from");
  const to = await attribute("data-to");
  const quantity = (await row.locator("td").nth(4).textContent())!.trim();
  expect(Number(quantity)).toBeGreaterThan(0);
  await row.getByRole("link", { name: "Accept" }).click();
  await page.waitForURL(/\/admin\/transfers\?/);

  const form = page.getByRole("form", { name: "New transfer" });
  const checked = (name: string) =>
    form.getByRole("combobox", { name, exact: true }).locator("option:checked");
  await expect(checked("From")).toHaveText(new RegExp(`\\(${from}\\)$`));
  await expect(checked("To")).toHaveText(new RegExp(`\\(${to}\\)$`));
  await expect(form.getByLabel("SKU code")).toHaveValue(sku);
  await expect(form.getByLabel("Quantity")).toHaveValue(quantity);
  await expect(form.getByLabel("Reason")).toHaveValue(/^Suggested: slow at .+, selling at .+$/);
  await expect(form.getByRole("button", { name: "Create transfer" })).toBeEnabled();
  await page.screenshot({ path: test.info().outputPath("transfer-prefilled.png"), fullPage: true });
});

test("an admin sees replenishment by warehouse and downloads it as CSV", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/inventory/replenishment");
  await expect(page.getByRole("heading", { name: "Replenishment", level: 1 })).toBeVisible();
  const groups = page.getByTestId("replenishment-group");
  await expect(groups.first()).toBeVisible();
  await expect(groups.first().getByRole("heading")).toHaveText(/\([A-Z]+-[A-Z]+\) · \d+ units?$/);
  await expect(groups.first().getByTestId("replenishment-line").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("replenishment.png") });

  const lines = await page.getByTestId("replenishment-line").count();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("replenishment-csv").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^replenishment-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).split("\r\n");
  expect(csv[0]).toBe(CSV_HEADER);
  expect(csv.length - 2).toBe(lines);

  // A link from a row opens the form from the row's warehouse.
  const line = page.getByTestId("replenishment-line").filter({
    has: page.getByTestId("replenish-transfer"),
  });
  const node = (await line.first().getAttribute("data-node"))!;
  await line.first().getByTestId("replenish-transfer").click();
  await page.waitForURL(/\/admin\/transfers\?/);
  await expect(
    page
      .getByRole("form", { name: "New transfer" })
      .getByRole("combobox", { name: "To", exact: true })
      .locator("option:checked"),
  ).toHaveText(new RegExp(`\\(${node}\\)$`));

  // Settings out of bounds fall back to the defaults on the page, and are refused by the CSV.
  await page.goto("/admin/inventory/replenishment?target=6&lead=99&window=30");
  await expect(page.getByLabel("Target cover (days)")).toHaveValue("21");
  await expect(page.getByLabel("Lead time (days)")).toHaveValue("3");
  expect((await page.request.get("/api/admin/inventory/replenishment?target=6")).status()).toBe(
    400,
  );
});

test("the suggestion screens speak Chinese", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.goto("/admin/inventory/transfers");
  await expect(page.getByRole("heading", { name: "调拨建议", level: 1 })).toBeVisible();
  await expect(page.getByTestId("transfer-suggestion").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "采纳" }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("transfer-suggestions-zh.png") });
  await page.goto("/admin/inventory/replenishment");
  await expect(page.getByRole("heading", { name: "补货建议", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "下载 CSV" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("replenishment-zh.png") });
});

test("store staff get 403 on the suggestion screens and the CSV", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  expect(await statusOf(page, "/admin/inventory/transfers")).toBe(403);
  expect(await statusOf(page, "/admin/inventory/replenishment")).toBe(403);
  expect((await page.request.get("/api/admin/inventory/replenishment")).status()).toBe(403);
});
