import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

// The stock side of the HQ console: adjustments are booked as ledger movements with a reason,
// refusals show next to their field, and only an admin reaches these pages.

test("an admin adjusts a SKU's stock with a reason and sees the ledger row and the audit entry", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/stock?q=RN-101");
  const levels = page.getByTestId("stock-levels");
  await expect(levels.locator("tbody tr").first()).toBeVisible();
  await levels.locator("tbody tr").first().getByRole("link", { name: "Open" }).click();
  await page.waitForURL(/sku=/);
  const onHand = page.getByTestId("figure-onHand");
  const before = Number(await onHand.textContent());

  const form = page.getByRole("form", { name: "Adjust on hand" });
  const book = form.getByRole("button", { name: "Book adjustment" });
  await expect(book).toBeEnabled();
  // Without a reason: refused next to the reason field, nothing booked.
  await form.getByLabel("Change (+/−)").fill("2");
  await book.click();
  await expect(page.locator("#adjust-reason-error")).toHaveText("This is required.");
  await expect(onHand).toHaveText(String(before));

  await form.getByLabel("Reason").selectOption("FOUND");
  await form.getByLabel("Note (optional)").fill("found behind the shelf");
  await book.click();
  await expect(page.getByTestId("adjust-result")).toContainText(
    `booked: on hand is now ${before + 2}.`,
  );
  await expect(onHand).toHaveText(String(before + 2));
  const newest = page.getByTestId("ledger-row").first();
  await expect(newest).toContainText("Adjustment");
  await expect(newest).toContainText("+2");
  await expect(newest).toContainText("FOUND: found behind the shelf");

  // Taking more than is on hand is refused next to the change field.
  await form.getByLabel("Change (+/−)").fill(String(-(before + 3)));
  await form.getByLabel("Reason").selectOption("DAMAGE");
  await book.click();
  // Said beside the field with the reason, not a bare bound.
  await expect(page.locator("#adjust-delta-error")).toContainText(/On hand cannot go below/);
  await expect(onHand).toHaveText(String(before + 2));

  await page.screenshot({ path: test.info().outputPath("stock.png"), fullPage: true });

  await page.goto("/admin/audit?entity=STOCK_LEVEL&action=ADJUST");
  const entry = page.getByTestId("audit-row").first();
  await expect(entry).toContainText("Chen Jing");
  // Said in words: the node and SKU by code, each changed field with its value before and after.
  await expect(entry.getByTestId("audit-target")).toContainText(/^[A-Z0-9-]+ · RN-101-/);
  const changes = entry.getByTestId("audit-changes");
  await expect(changes).toContainText(`On hand: ${before} → ${before + 2}`);
  await expect(changes).toContainText("Reason: Found");
  await expect(changes).not.toContainText("{");
  await page.screenshot({ path: test.info().outputPath("audit.png"), fullPage: true });
});

test("a node edit with coordinates out of range is refused next to the field", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/nodes");
  await page.getByTestId("admin-nodes").getByRole("link", { name: "Edit" }).first().click();
  await page.waitForURL(/edit=/);
  await page.getByLabel("Latitude").fill("91");
  const save = page.getByRole("button", { name: "Save node" });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.locator("#node-latitude-error")).toHaveText("Enter a number of at most 90.");
  await page.screenshot({ path: test.info().outputPath("nodes.png"), fullPage: true });
});

test("a non-admin gets 403 on the nodes, stock and audit pages", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  for (const path of ["/admin/nodes", "/admin/stock", "/admin/audit"]) {
    expect(await statusOf(page, path)).toBe(403);
  }
});
