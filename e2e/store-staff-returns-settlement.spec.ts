import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, emptyCart, signIn, statusOf } from "./support";

// A return across stores, end to end in the browser (issue #21 item 6): the consumer buys two
// items online for same-city delivery from the Nanjing Road flagship (SH-001), its staff deliver
// them, the consumer asks to return both at a store, staff of the franchise store in Zhongshan
// Park (SH-006) take them back (one onto their shelf, one damaged) and refund once, and the
// refund shows on the consumer's order and in HQ's settlement entries.

// Server actions on a shared two-core machine can take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

type Account = { email: string; name: string; home: string };

/** The franchise store in Zhongshan Park (SH-006): not the store that ships the order. */
const FRANCHISE_STAFF: Account = {
  email: "staff.franchise@onepool.dev",
  name: "Qian Hao",
  home: "/store",
};

/**
 * Two sizes of one style that the flagship has several of in the seed, so that same-city routing
 * for Huangpu gives both to SH-001 in one parcel; SH-006 stocks both sizes too.
 */
const STYLE = { code: "PT-802", colour: "Black", name: "High-Rise Leggings" };
const RESTOCKED = { size: "L", skuCode: "PT-802-BLK-L" };
const DAMAGED = { size: "M", skuCode: "PT-802-BLK-M" };
const itemName = (size: string) => `${STYLE.name} · ${STYLE.colour} · ${size}`;

const SHIPPING_STORE = "Shanghai Nanjing Road Flagship";
const RECEIVING_STORE = "Shanghai Zhongshan Park";
/** The web store's channel belongs to the brand HQ, so HQ books the sale and its refund. */
const CHANNEL_ORGANISATION = "HQ · OnePool Sports Co., Ltd.";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Today on the Shanghai calendar (the settlement statement's days), as YYYY-MM-DD. */
function shanghaiToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** Signs in through the real form, for demo accounts that support.ts does not list. */
async function signInAs(page: Page, account: Account) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === account.home);
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.name);
}

/** A fresh browser (its own cookies) signed in as `account`. */
async function openAs(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, account);
  return page;
}

/** The admin stock console's on-hand figure of one SKU at one node. */
async function onHandAt(admin: Page, nodeCode: string, skuCode: string): Promise<number> {
  await admin.goto(`/admin/stock?q=${encodeURIComponent(skuCode)}`);
  await expect(admin.getByTestId("stock-levels")).toBeVisible();
  await admin
    .getByTestId(`level-${nodeCode}-${skuCode}`)
    .getByRole("link", { name: "Open" })
    .click();
  await admin.waitForURL(/sku=/);
  const selected = admin.getByTestId("stock-selected");
  await expect(selected).toContainText(skuCode);
  await expect(selected).toContainText(nodeCode);
  return Number(await admin.getByTestId("figure-onHand").textContent());
}

/** Store console: takes a same-city task from new to delivered. */
async function deliverTask(staff: Page, orderNo: string) {
  await staff.goto("/store?tab=new");
  await staff.getByRole("link", { name: `Open order ${orderNo}` }).click();
  await expect(staff.getByRole("heading", { name: `Order ${orderNo}` })).toBeVisible();
  await staff.getByRole("button", { name: "Accept" }).click();
  await expect(staff.getByRole("status")).toHaveText("Accepted.");

  // Tick both lines, one after the other; the last tick completes picking.
  const lines = staff.getByTestId("task-lines").getByRole("listitem");
  await expect(lines).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await lines.nth(i).getByRole("checkbox").click();
    await expect(lines.nth(i).getByTestId("picked-count")).toHaveText("Picked 1 of 1");
  }
  await expect(staff.getByRole("status")).toHaveText("All items picked.");

  await staff.getByRole("button", { name: "Mark packed" }).click();
  await expect(staff.getByRole("status")).toHaveText("Packed.");
  await staff.getByLabel("Courier").fill("SF Express");
  await staff.getByLabel("Tracking number").fill(`SF${Date.now()}`);
  await staff.getByRole("button", { name: "Hand to courier" }).click();
  await expect(staff.getByRole("status")).toHaveText("Handed to the courier.");
  await staff.getByRole("button", { name: "Confirm delivered" }).click();
  // Delivery completes the order; the finished task still reads as paid and done.
  await expect(staff.getByRole("status")).toHaveText("Delivered.");
  await expect(staff.getByText("This order is not paid or is closed: nothing to do.")).toHaveCount(
    0,
  );
  await expect(staff.getByText("Same-city delivery · Delivered", { exact: true })).toBeVisible();
  const history = staff.locator("section", {
    has: staff.getByRole("heading", { name: "History" }),
  });
  await expect(history.getByRole("listitem").last()).toContainText("Delivered · Zhao Lei");
}

/** The returns counter: looks a return up by the code the customer shows. */
async function findAtCounter(staff: Page, code: string) {
  await staff.goto("/store/returns");
  await expect(staff.getByRole("heading", { name: "Returns at the counter" })).toBeVisible();
  await staff.getByLabel("Return code, RMA, order number or channel order id").fill(code);
  const find = staff.getByRole("button", { name: "Find" });
  await expect(find).toBeEnabled();
  await find.click();
}

test("a delivered order is returned at another store: one item restocked there, one damaged, refunded once, and booked for HQ", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await openAs(browser, ACCOUNTS.admin);
  const staff = await openAs(browser, ACCOUNTS.staff);
  const franchise = await openAs(browser, FRANCHISE_STAFF);

  // 1. The consumer buys both sizes online, same-city delivery to Huangpu.
  await signIn(page, ACCOUNTS.consumer);
  await emptyCart(page);
  for (const size of [RESTOCKED.size, DAMAGED.size]) {
    await page.goto(`/products/${STYLE.code}?colour=${STYLE.colour}&size=${size}`);
    await expect(page.getByRole("heading", { level: 1, name: STYLE.name })).toBeVisible();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/^Added\./)).toBeVisible();
  }
  await page.goto("/checkout");
  await page.getByLabel("Deliver to area").selectOption({ label: "Shanghai · Huangpu" });
  await page.getByRole("button", { name: "Show options" }).click();
  await page.waitForURL(/area=/);
  const sameCity = page.getByRole("radio", { name: "Same-city delivery" });
  await expect(sameCity).toBeEnabled();
  // Routing gives the whole order to the flagship; if the seed or the rules change, say so here.
  await expect(page.getByTestId("method-SAME_CITY").getByText(/^From /)).toHaveText(
    `From ${SHIPPING_STORE}`,
  );
  await sameCity.check();
  await page.getByLabel("Street address").fill("100 Nanjing Road East");
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/checkout\/pay\//);
  await expect(page.getByTestId("demo-banner")).toHaveText("Demo payment — no money moves");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
  const orderNo = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("shipment")).toHaveCount(1);
  await expect(page.getByTestId("shipment")).toContainText(`From ${SHIPPING_STORE}`);
  const total = ((await page.getByTestId("order-total").textContent()) ?? "").trim();
  expect(total).toMatch(/^CN¥[\d,]+\.\d{2}$/);

  // HQ sees the same: a web order, one parcel from SH-001 holding both items.
  await admin.goto(`/admin/orders/${encodeURIComponent(orderNo)}`);
  await expect(admin.getByRole("heading", { level: 1, name: orderNo })).toBeVisible();
  await expect(admin.getByText(/^WEB · Same-city delivery · /)).toBeVisible();
  const fulfilment = admin.locator("section", {
    has: admin.getByRole("heading", { name: "Fulfilment orders" }),
  });
  await expect(fulfilment.getByText(/^From /)).toHaveText([/^From SH-001 /]);
  await expect(fulfilment).toContainText(`${RESTOCKED.skuCode} × 1`);
  await expect(fulfilment).toContainText(`${DAMAGED.skuCode} × 1`);

  // 2. The flagship's staff deliver it.
  await deliverTask(staff, orderNo);

  // 3. The consumer asks to return both items at a store and gets a return code.
  await page.goto("/account/orders");
  await page.getByRole("link", { name: `Return items from order ${orderNo}` }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Return items from order ${orderNo}` }),
  ).toBeVisible();
  await page.getByLabel(`Quantity of ${itemName(RESTOCKED.size)} to return`).fill("1");
  await page.getByLabel(`Quantity of ${itemName(DAMAGED.size)} to return`).fill("1");
  await page.getByLabel("Reason").selectOption("WRONG_SIZE");
  await page.getByLabel("Return at any store (you get a return code)").check();
  await page.getByRole("button", { name: "Request return" }).click();
  const requested = page.getByRole("status").filter({ hasText: "requested" });
  await expect(requested).toContainText(
    new RegExp(`^Return RMA\\d{14} requested\\. Refund due: ${escapeRegExp(total)}\\.`),
  );
  const rmaNo = /RMA\d{14}/.exec((await requested.textContent()) ?? "")![0];
  const code = ((await page.getByTestId("return-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

  // 4. Staff at SH-006 take the goods back. Their stock of both sizes, before:
  const restockedBefore = await onHandAt(admin, "SH-006", RESTOCKED.skuCode);
  const damagedBefore = await onHandAt(admin, "SH-006", DAMAGED.skuCode);
  const shipperBefore = await onHandAt(admin, "SH-001", RESTOCKED.skuCode);

  await findAtCounter(franchise, code);
  const panel = franchise.getByRole("form", { name: `Return ${rmaNo}` });
  await expect(panel.getByTestId("return-status")).toHaveText("Requested");
  await expect(panel).toContainText(`Order ${orderNo} · Li Wei · Return at a store`);
  await expect(panel).toContainText("Reason: Wrong size");
  await expect(panel.getByTestId("refund-due")).toHaveText(total);
  await panel
    .getByLabel(`Decision for ${itemName(RESTOCKED.size)}`)
    .selectOption({ label: "Restock here" });
  await panel
    .getByLabel(`Decision for ${itemName(DAMAGED.size)}`)
    .selectOption({ label: "Damaged, keep off sale" });
  await franchise.screenshot({
    path: test.info().outputPath("returns-counter-deciding.png"),
    fullPage: true,
  });
  await panel.getByRole("button", { name: "Receive" }).click();
  await expect(franchise.getByRole("status").filter({ hasText: rmaNo })).toHaveText(
    `${rmaNo} received: 1 restocked, 1 damaged, 0 refused. Refund due: ${total}.`,
  );
  await expect(panel.getByTestId("return-status")).toHaveText("Received");
  await expect(panel).toContainText(`Received at ${RECEIVING_STORE}`);
  await expect(panel.getByTestId("line-condition")).toHaveText(["Back on the shelf", "Damaged"]);

  // A second screen at the same counter still shows the return waiting for its refund.
  const stale = await franchise.context().newPage();
  await findAtCounter(stale, code);
  const stalePanel = stale.getByRole("form", { name: `Return ${rmaNo}` });
  await expect(stalePanel.getByTestId("return-status")).toHaveText("Received");
  const staleRefund = stalePanel.getByRole("button", { name: `Refund ${total}` });
  await expect(staleRefund).toBeEnabled();

  // 5. Refund once; the stale screen's press pays nothing more.
  await panel.getByRole("button", { name: `Refund ${total}` }).click();
  await expect(franchise.getByRole("status").filter({ hasText: rmaNo })).toHaveText(
    `${total} refunded for ${rmaNo}.`,
  );
  await expect(panel.getByTestId("return-status")).toHaveText("Refunded");
  await expect(panel.getByTestId("refunded-line")).toContainText(`Refunded ${total}`);
  await expect(panel.getByRole("button", { name: /^Refund / })).toHaveCount(0);
  await franchise.screenshot({
    path: test.info().outputPath("returns-counter-refunded.png"),
    fullPage: true,
  });

  await staleRefund.click();
  await expect(stale.getByRole("status").filter({ hasText: rmaNo })).toHaveText(
    `${rmaNo} was already refunded. Nothing was paid twice.`,
  );
  await expect(stalePanel.getByTestId("return-status")).toHaveText("Refunded");
  await stale.close();
  // Looked up afresh, the return is refunded and offers no refund.
  await findAtCounter(franchise, rmaNo);
  await expect(panel.getByTestId("return-status")).toHaveText("Refunded");
  await expect(panel.getByRole("button", { name: /^Refund / })).toHaveCount(0);

  // The restocked size is on SH-006's shelf (one more), the damaged one is not, and nothing
  // went back to the store that shipped it.
  expect(await onHandAt(admin, "SH-006", RESTOCKED.skuCode)).toBe(restockedBefore + 1);
  const newest = admin.getByTestId("ledger-row").first();
  await expect(newest).toContainText("Return");
  await expect(newest).toContainText("+1");
  await expect(newest).toContainText(rmaNo);
  expect(await onHandAt(admin, "SH-006", DAMAGED.skuCode)).toBe(damagedBefore);
  expect(await onHandAt(admin, "SH-001", RESTOCKED.skuCode)).toBe(shipperBefore);

  // 6. The consumer's order page tells the return's story, with one refund.
  await page.goto(`/orders/${encodeURIComponent(orderNo)}`);
  const returns = page.getByTestId("order-returns");
  await expect(returns).toContainText(rmaNo);
  await expect(returns).toContainText("Refunded");
  await expect(returns.getByTestId("return-timeline").getByRole("listitem")).toHaveText([
    new RegExp(`^Return ${rmaNo} requested`),
    new RegExp(`^Goods received at ${escapeRegExp(RECEIVING_STORE)}`),
    new RegExp(`^Refunded ${escapeRegExp(total)}`),
  ]);
  await expect(page.getByTestId("refunded")).toHaveText("A refund was issued for this order.");

  // 7. HQ's statement for today, then the entries behind it: this order's refund, negative.
  const today = shanghaiToday();
  await admin.goto("/admin/settlement");
  await expect(admin.getByRole("heading", { name: "Settlement statement" })).toBeVisible();
  const filter = admin.getByTestId("statement-filter");
  await filter.getByLabel("Organisation").selectOption({ label: CHANNEL_ORGANISATION });
  await filter.getByLabel("Period").selectOption({ label: "Day" });
  await filter.getByLabel("From").fill(today);
  await filter.getByLabel("To").fill(today);
  await filter.getByRole("button", { name: "Show" }).click();
  await admin.waitForURL(/period=day/);
  const row = admin.locator(`[data-testid="statement-row"][data-period="${today}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(CHANNEL_ORGANISATION);
  await expect(row.locator('[data-column="refunds"]')).toHaveText(/^-CN¥[\d,]+\.\d{2}$/);
  await row.getByRole("link", { name: "Entries" }).click();
  await admin.waitForURL(/\/admin\/settlement\/entries\?/);
  await expect(admin.getByRole("heading", { name: "Settlement entries" })).toBeVisible();
  await expect(admin.getByText(`${CHANNEL_ORGANISATION}, ${today} to ${today}`)).toBeVisible();
  await admin.getByTestId("entries-filter").getByLabel("Kind").selectOption({ label: "Refund" });
  await admin.getByTestId("entries-filter").getByRole("button", { name: "Filter" }).click();
  await admin.waitForURL(/kind=REFUND/);
  const refunds = admin.getByTestId("settlement-entry").filter({ hasText: orderNo });
  await expect(refunds).toHaveCount(1);
  const cells = refunds.getByRole("cell");
  await expect(cells.nth(1)).toHaveText(orderNo);
  await expect(cells.nth(2)).toHaveText("Refund");
  await expect(cells.nth(3)).toHaveText(`-${total}`);
  await expect(cells.nth(4)).toHaveText("HQ");
  await expect(cells.nth(7)).toHaveText(rmaNo);
  await admin.screenshot({
    path: test.info().outputPath("settlement-entries.png"),
    fullPage: true,
  });

  await Promise.all([admin, staff, franchise].map((p) => p.context().close()));
});

test("the returns counter is for store staff, and an unknown return code finds nothing", async ({
  page,
  browser,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  expect(await statusOf(page, "/store/returns")).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByLabel("Return code, RMA, order number or channel order id")).toHaveCount(
    0,
  );

  const franchise = await openAs(browser, FRANCHISE_STAFF);
  // Well formed, but no return has it (codes avoid 0, 1, I and O; this one is all 2s).
  await findAtCounter(franchise, "22222222");
  await expect(
    franchise
      .locator("main")
      .getByRole("alert")
      .filter({ hasText: "No return with this code or number." }),
  ).toBeVisible();
  await expect(franchise.getByTestId("counter-return")).toHaveCount(0);
  await franchise.screenshot({
    path: test.info().outputPath("returns-counter-unknown.png"),
    fullPage: true,
  });
  await franchise.context().close();
});
