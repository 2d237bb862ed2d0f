import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// Transfers through the screens: HQ plans one from the central warehouse to the flagship store
// (refusals first: the same node twice, more than the warehouse can spare), ships it; the
// store's staff count it in one unit short; the console and the stock follow.

const CW_SH = "East China Central Warehouse (CW-SH)";
const SH_001 = "Shanghai Nanjing Road Flagship (SH-001)";

/** The stock page's rows at one node for a search, as { sku: figures }. */
async function levelsAt(page: Page, nodeLabel: string, search: string) {
  await page.goto("/admin/stock");
  await page.getByLabel("Node").selectOption({ label: nodeLabel });
  await page.getByRole("search").getByPlaceholder("SKU code, barcode or style").fill(search);
  await page.getByRole("button", { name: "Find" }).click();
  await page.waitForURL(/node=/);
  const rows = page.getByTestId("stock-levels").locator("tbody tr");
  const found: Record<string, { onHand: number; giveable: number }> = {};
  for (const row of await rows.all()) {
    const cells = (await row.locator("td").allTextContents()).map((c) => c.trim());
    const [onHand, reserved, safety, , displayMin] = cells.slice(3, 8).map(Number);
    found[cells[1]!] = {
      onHand: onHand!,
      giveable: Math.max(0, onHand! - reserved! - Math.max(safety!, displayMin!)),
    };
  }
  return found;
}

test("an admin plans and ships a transfer, the store counts it in one short, and the stock follows", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signIn(page, ACCOUNTS.admin);

  // A SKU the central warehouse can spare a few of.
  const central = await levelsAt(page, CW_SH, "RN-101");
  const [sku, level] = Object.entries(central).find(([, l]) => l.giveable >= 4)!;
  expect(sku).toMatch(/^RN-101-/);
  const storeBefore = (await levelsAt(page, SH_001, sku))[sku]?.onHand ?? 0;

  await page.goto("/admin/transfers");
  const total = page.getByTestId("transfer-total");
  const totalBefore = await total.textContent();
  const form = page.getByRole("form", { name: "New transfer" });
  const create = form.getByRole("button", { name: "Create transfer" });
  const fromSelect = form.getByRole("combobox", { name: "From", exact: true });
  const toSelect = form.getByRole("combobox", { name: "To", exact: true });
  await expect(create).toBeEnabled();
  await expect(fromSelect.locator("option", { hasText: CW_SH })).toHaveText(CW_SH);

  // The same node at both ends: refused beside "To", nothing created.
  await fromSelect.selectOption({ label: CW_SH });
  await toSelect.selectOption({ label: CW_SH });
  await form.getByLabel("SKU code").fill(sku);
  await form.getByLabel("Quantity").fill("3");
  await form.getByLabel("Reason").fill("flagship weekend promotion");
  await create.click();
  await expect(page.getByTestId("transfer-result")).toHaveText(
    "A transfer goes from one store or warehouse to another: choose two different ones.",
  );
  await expect(page.locator("#transfer-toNodeId-error")).toBeVisible();

  // More than the warehouse can spare: refused beside the quantity, with what it can give.
  await toSelect.selectOption({ label: SH_001 });
  await form.getByLabel("Quantity").fill(String(level.giveable + 1));
  await create.click();
  await expect(page.getByTestId("transfer-result")).toContainText(
    `the sending store or warehouse can spare only ${level.giveable}.`,
  );
  await expect(page.locator("#transfer-lines-0-quantity-error")).toBeVisible();
  await expect(total).toHaveText(totalBefore!);
  await page.screenshot({ path: test.info().outputPath("transfer-refused.png"), fullPage: true });

  // The suggestions screen's link fills the form in; creating it makes a draft.
  await page.goto(
    `/admin/transfers?from=CW-SH&to=SH-001&sku=${sku}&qty=3&reason=${encodeURIComponent("flagship weekend promotion")}`,
  );
  await expect(fromSelect.locator("option:checked")).toHaveText(CW_SH);
  await expect(toSelect.locator("option:checked")).toHaveText(SH_001);
  await expect(form.getByLabel("SKU code")).toHaveValue(sku);
  await expect(form.getByLabel("Quantity")).toHaveValue("3");
  await expect(create).toBeEnabled();
  await create.click();
  const result = page.getByTestId("transfer-result");
  await expect(result).toContainText(/Transfer TR\d{14} created as a draft/);
  const transferNo = (await result.textContent())!.match(/TR\d{14}/)![0];

  const card = page.getByTestId(`transfer-${transferNo}`);
  await expect(card.getByTestId("transfer-status")).toHaveText("Draft");
  await expect(card.getByTestId("transfer-route")).toHaveText(`${CW_SH} → ${SH_001}`);
  await expect(card.getByTestId(`line-${sku}`).getByTestId("line-quantity")).toHaveText("3");
  await card.getByRole("button", { name: "Ship" }).click();
  await expect(card.getByTestId("transfer-status")).toHaveText("Shipped");
  await expect(card.getByRole("button", { name: "Ship" })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Cancel" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("transfer-shipped.png"), fullPage: true });

  // The flagship's staff count it in: one unit did not arrive.
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await signIn(staff, ACCOUNTS.staff);
  await staff.getByRole("link", { name: "Transfers" }).click();
  await staff.waitForURL(/\/store\/transfers/);
  const incoming = staff.getByTestId(`incoming-${transferNo}`);
  const counted = incoming.getByLabel(new RegExp(`^Counted in: ${sku} `));
  await expect(counted).toHaveValue("3");
  await counted.fill("2");
  await incoming.getByRole("button", { name: "Receive transfer" }).click();
  await expect(staff.getByTestId("receipt-result")).toHaveText(
    `${transferNo} received: 2 of 3 units counted in. Short: ${sku} 1 short.`,
  );
  await expect(incoming).toHaveCount(0);
  const received = staff.getByTestId(`received-${transferNo}`);
  await expect(received.getByTestId("line-received")).toHaveText("2");
  await expect(received.getByTestId("line-short")).toHaveText("1");
  await staff.screenshot({ path: test.info().outputPath("store-received.png"), fullPage: true });
  await staffContext.close();

  // HQ sees it received with one short; the flagship holds two more, the warehouse three fewer.
  await page.goto("/admin/transfers?status=RECEIVED");
  await expect(card.getByTestId("transfer-status")).toHaveText("Received");
  await expect(card.getByTestId("line-received")).toHaveText("2");
  await expect(card.getByTestId("line-short")).toHaveText("1");
  await expect(card.getByRole("button")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("transfer-received.png"), fullPage: true });
  expect((await levelsAt(page, SH_001, sku))[sku]?.onHand).toBe(storeBefore + 2);
  expect((await levelsAt(page, CW_SH, sku))[sku]?.onHand).toBe(level.onHand - 3);
});

test("store staff get 403 on the transfers console", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  expect(await statusOf(page, "/admin/transfers")).toBe(403);
});
