import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// The loop the dashboard exists for: HQ sees stock sitting still at one store, accepts the
// suggestion to move it to the flagship where it sells, ships it; the flagship's staff count it
// in; shoppers checking nearby stores see the flagship hold more of it.

const FLAGSHIP = "SH-001";

/** What the storefront's "nearby stores" says the flagship has of a SKU (0 when not listed). */
async function flagshipAvailable(page: Page, productPath: string): Promise<number> {
  await page.goto(productPath);
  await expect(page.getByTestId("nearby-summary")).toBeVisible();
  const store = page.locator(`[data-testid="nearby-store"][data-code="${FLAGSHIP}"]`);
  if ((await store.count()) === 0) return 0;
  const text = (await store.getByTestId("store-available").textContent()) ?? "";
  return Number(text.match(/\d+/)![0]);
}

test("an admin moves a slow store's stock to the flagship that sells it; staff receive it; nearby stores show it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await signIn(page, ACCOUNTS.admin);

  // A suggestion to the flagship: a slow store's SKU that the flagship sells faster.
  await page.goto("/admin/inventory/transfers");
  const toFlagship = page.locator(`[data-testid="transfer-suggestion"][data-to="${FLAGSHIP}"]`);
  await expect(toFlagship.first()).toBeVisible();
  const sku = (await toFlagship.first().getAttribute("data-sku"))!;
  const from = (await toFlagship.first().getAttribute("data-from"))!;

  // The dashboard at the source raises it as a slow mover; its action opens the suggestions.
  await page.goto(`/admin/inventory?node=${from}&q=${encodeURIComponent(sku)}`);
  const alert = page.locator(
    `[data-testid="alert-SLOW_MOVER"][data-sku="${sku}"][data-node="${from}"]`,
  );
  await expect(alert).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("slow-mover-alert.png"), fullPage: true });
  await alert.getByRole("link", { name: "Move stock" }).click();
  await page.waitForURL(/\/admin\/inventory\/transfers\?/);
  const row = page.locator(
    `[data-testid="transfer-suggestion"][data-sku="${sku}"][data-from="${from}"][data-to="${FLAGSHIP}"]`,
  );
  await expect(row).toBeVisible();

  await row.getByTestId("accept-transfer").click();
  await page.waitForURL(/\/admin\/transfers\?/);
  const form = page.getByRole("form", { name: "New transfer" });
  await expect(form.getByLabel("SKU code")).toHaveValue(sku);
  // The quantity is editable: the admin confirms the suggested figure by typing it.
  const quantity = Number(await form.getByLabel("Quantity").inputValue());
  expect(quantity).toBeGreaterThan(0);
  await form.getByLabel("Quantity").fill(String(quantity));
  await form.getByRole("button", { name: "Create transfer" }).click();
  const result = page.getByTestId("transfer-result");
  await expect(result).toContainText(/Transfer TR\d{14} created as a draft/);
  const transferNo = (await result.textContent())!.match(/TR\d{14}/)![0];
  const card = page.getByTestId(`transfer-${transferNo}`);
  await card.getByRole("button", { name: "Ship" }).click();
  await expect(card.getByTestId("transfer-status")).toHaveText("Shipped");
  // The item as shoppers know it ("Velocity Run 3 · Black · 39"): its colour and size.
  const item = (await card.getByTestId(`line-${sku}`).locator("td").nth(1).textContent())!;
  const [colour, size] = item
    .split(" · ")
    .slice(-2)
    .map((part) => part.trim());
  const style = sku.split("-").slice(0, 2).join("-");

  // A shopper's view of the flagship before the goods are counted in.
  const shopperContext = await browser.newContext({ baseURL });
  const shopper = await shopperContext.newPage();
  const productPath = `/products/${style}?${new URLSearchParams({
    colour: colour!,
    size: size!,
    city: "Shanghai",
  })}`;
  const before = await flagshipAvailable(shopper, productPath);

  // The flagship's staff count everything in.
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await signIn(staff, ACCOUNTS.staff);
  await staff.goto("/store/transfers");
  const incoming = staff.getByTestId(`incoming-${transferNo}`);
  await expect(incoming.getByLabel(new RegExp(`^Counted in: ${sku} `))).toHaveValue(
    String(quantity),
  );
  await incoming.getByRole("button", { name: "Receive transfer" }).click();
  await expect(staff.getByTestId("receipt-result")).toContainText(
    `${transferNo} received: ${quantity} of ${quantity}`,
  );
  await staffContext.close();

  // Nearby stores: the flagship now offers more (the storefront reads stock fresh). The suggestion
  // also refilled any deficit below the flagship's safety stock, so at most `quantity` more.
  await expect(async () => {
    const after = await flagshipAvailable(shopper, productPath);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThanOrEqual(before + quantity);
  }).toPass({ timeout: 30_000 });
  await shopper.screenshot({ path: test.info().outputPath("nearby-after.png"), fullPage: true });
  await shopperContext.close();

  await page.goto("/admin/transfers?status=RECEIVED");
  await expect(
    page.getByTestId(`transfer-${transferNo}`).getByTestId("transfer-status"),
  ).toHaveText("Received");
});
