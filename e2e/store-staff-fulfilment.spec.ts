import { expect as baseExpect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn, statusOf } from "./support";

// Server actions on a shared two-core machine can take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

// A phone: the console is used on the shop floor.
test.use({ viewport: { width: 390, height: 844 } });

/** The Beijing flagship's demo staff member (not one of the per-project accounts). */
async function signInBeijingStaff(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("staff.bj@onepool.dev");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/store");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sun Yue");
}

/** Endless aisle: a walk-in customer's pickup order at this store, paid at the till. */
async function placeWalkInPickup(
  page: Page,
  customer: string,
): Promise<{ orderNo: string; code: string }> {
  await page.goto("/store/endless-aisle?q=RN-101");
  const style = page.getByTestId("aisle-style").first();
  await style.getByText("Order for a customer").click();
  await style.getByLabel("Customer name").fill(customer);
  await style.getByRole("button", { name: "Place order (paid at the till)" }).click();
  const placed = style.getByRole("status");
  await expect(placed).toContainText("placed and paid", { timeout: 20_000 });
  const text = (await placed.textContent()) ?? "";
  const orderNo = /Order (\S+) placed/.exec(text)?.[1];
  const code = /Pickup code: (\d{6})/.exec(text)?.[1];
  if (!orderNo || !code) throw new Error(`no order number or code in "${text}"`);
  return { orderNo, code };
}

test("store staff take a pickup order from new to handed over, verifying the customer's code", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.staff);
  const { orderNo, code } = await placeWalkInPickup(page, "Walk-in Zhang");

  await page.goto("/store?tab=new");
  await page.getByRole("link", { name: `Open order ${orderNo}` }).click();
  await expect(page.getByRole("heading", { name: `Order ${orderNo}` })).toBeVisible();
  await expect(page.getByTestId("task-customer")).toHaveText("Walk-in Zhang");

  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("Accepted.");

  // Tick every line; the last tick completes picking.
  const boxes = page.getByTestId("task-lines").getByRole("checkbox");
  await expect(boxes.first()).toBeVisible();
  const lines = await boxes.count();
  expect(lines).toBeGreaterThan(0);
  for (let i = 0; i < lines; i++) await boxes.and(page.locator(":not(:checked)")).first().click();
  await expect(page.getByRole("status")).toHaveText("All items picked.");

  await page.getByRole("button", { name: "Mark packed" }).click();
  await expect(page.getByRole("status")).toHaveText("Packed.");
  await page.getByRole("button", { name: "Mark ready for pickup" }).click();
  await expect(page.getByRole("status")).toHaveText("Ready for pickup: the customer can come.");

  // A wrong code at the counter is refused and counted.
  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("Pickup code (6 digits)").fill(wrong);
  await page.getByRole("button", { name: "Confirm handover" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("Wrong code. 4 tries left.");
  await expect(page.getByText("Wrong codes so far: 1 of 5")).toBeVisible();

  await page.getByRole("link", { name: "Verify pickup code" }).click();
  // The task page has a code box too: wait until the counter page has replaced it.
  await page.waitForURL((url) => url.pathname === "/store/pickup");
  await expect(page.getByRole("heading", { name: "Verify a pickup code" })).toBeVisible();
  const codeBox = page.getByLabel("Pickup code (6 digits)");
  await codeBox.fill(wrong);
  await page.getByRole("button", { name: "Find order" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "No order is ready at this store with this code.",
  );

  await codeBox.fill(code);
  await page.getByRole("button", { name: "Find order" }).click();
  await expect(page.getByTestId("pickup-found")).toContainText(orderNo);
  await page.getByRole("button", { name: "Confirm handover" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `Order ${orderNo} picked up. Handover complete.`,
  );

  // The same code a second time is refused.
  await page.getByRole("button", { name: "Verify another code" }).click();
  await codeBox.fill(code);
  await page.getByRole("button", { name: "Find order" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "This pickup code was already used.",
  );

  await page.goto("/store?tab=ready");
  await expect(page.getByRole("link", { name: `Open order ${orderNo}` })).toHaveCount(0);
});

test("staff of one store cannot open another store's task", async ({ page, browser }) => {
  const beijing = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const bjPage = await beijing.newPage();
  await signInBeijingStaff(bjPage);
  const { orderNo } = await placeWalkInPickup(bjPage, "Walk-in Qian");
  await bjPage.goto("/store?tab=new");
  const href = await bjPage
    .getByRole("link", { name: `Open order ${orderNo}` })
    .getAttribute("href");
  await beijing.close();
  expect(href).toMatch(/^\/store\/tasks\//);

  await signIn(page, ACCOUNTS.staff);
  expect(await statusOf(page, href!)).toBe(403);
  await page.goto("/store?tab=new");
  await expect(page.getByRole("link", { name: `Open order ${orderNo}` })).toHaveCount(0);
});
