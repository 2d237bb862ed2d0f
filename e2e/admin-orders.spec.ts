import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

test("an HQ admin reads why an order was routed where it was, in English and in Chinese", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "Orders" }).first().click();
  await page.getByLabel("Order number, customer or channel order id").fill("Li Wei");
  await page.getByRole("button", { name: "Find" }).click();
  const rows = page.getByTestId("admin-orders").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  // Pickup orders are routed when placed, so each carries its routing decision (a presale order
  // another spec placed waits for inbound and has none yet).
  await rows
    .filter({ hasText: "Store pickup" })
    .first()
    .getByRole("link", { name: /^OP\d{6}/ })
    .click();
  await expect(page.getByRole("heading", { name: "Routing decisions" })).toBeVisible();
  const summary = page.getByTestId("routing-summary").first();
  // Pickup orders explain the store's stock; delivered ones the distance.
  await expect(summary).toContainText(/ready for pickup|km away/);
  await expect(page.getByText(/Chosen/).first()).toBeVisible();

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("routing-summary").first()).toContainText(/自提|公里/);
});

test("routing rules are saved as one set, and a set routing would refuse is not saved", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/routing");
  await expect(page.getByTestId("routing-rules").locator("tbody tr").first()).toBeVisible();
  const weight = page.getByLabel("Weight 1");
  await weight.fill("2");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status")).toHaveText("Rules saved. New orders route with them.");

  await page.getByLabel("Settings (JSON) 1").fill("{not json");
  await page.getByRole("button", { name: "Save rules" }).click();
  // Next's route announcer is also an alert; ours is the one with text.
  await expect(
    page.getByRole("alert").filter({ hasText: "Some fields are not valid" }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Weight 1")).toHaveValue("2");
});

test("a rule's settings are checked against what routing accepts, field by field, even on a rule switched off", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/routing");
  const rows = page.getByTestId("routing-rules").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await page.getByRole("button", { name: "Add a rule" }).click();
  const n = before + 1;
  await page.getByLabel(`Rule ${n}`, { exact: true }).selectOption("NODE_TYPES");
  await page.getByLabel(`On ${n}`, { exact: true }).uncheck();
  await page.getByLabel(`Settings (JSON) ${n}`, { exact: true }).fill('{"nodeTypes":["CASTLE"]}');
  await page.getByRole("button", { name: "Save rules" }).click();
  const error = page.getByTestId("rule-error");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("nodeTypes.0");
  await expect(page.getByLabel(`Settings (JSON) ${n}`, { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await page.reload();
  await expect(rows).toHaveCount(before);

  // A good rule saves, and the rules the page loaded keep their place.
  await page.getByRole("button", { name: "Add a rule" }).click();
  await page.getByLabel(`Rule ${n}`, { exact: true }).selectOption("NODE_TYPES");
  await page
    .getByLabel(`Settings (JSON) ${n}`, { exact: true })
    .fill('{"nodeTypes":["STORE_DIRECT"]}');
  await page.getByLabel(`On ${n}`, { exact: true }).uncheck();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status")).toHaveText("Rules saved. New orders route with them.");
  await page.reload();
  await expect(rows).toHaveCount(n);
});
