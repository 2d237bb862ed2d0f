import { expect as baseExpect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// Server actions on a shared two-core machine can take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

/**
 * Saves JD's intake settings and checks the confirmation is still there once the refresh that
 * brings the channel's new version has landed (the form must not start over and lose it).
 */
async function saveAndOutliveRefresh(page: Page, saved: string) {
  const settings = page.getByTestId("partial-JD");
  const version = await settings.getAttribute("data-version");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings).toContainText(saved);
  await expect(settings).not.toHaveAttribute("data-version", version ?? "");
  await expect(settings).toContainText(saved);
  await expect(settings.getByRole("button", { name: "Save" })).toBeDisabled();
}

const TMALL = { authorization: "Bearer feed-demo-tmall" };
const STORE = "SH-001";

test("a Tmall pickup order is found by its channel order id at HQ and handled by the store", async ({
  browser,
  request,
}) => {
  // The demo running shoe in 42, which the flagship keeps on its shelves and Tmall may sell.
  const sku = "RN-101-BLK-42";
  const feed = await request.get("/api/channels/TMALL/stock", { headers: TMALL });
  expect(feed.status()).toBe(200);
  const { items } = (await feed.json()) as { items: { skuCode: string; ats: number }[] };
  expect(items.find((i) => i.skuCode === sku)?.ats).toBeGreaterThan(0);

  const channelOrderId = `TM-E2E-${Date.now()}`;
  const placed = await request.post("/api/channels/TMALL/orders", {
    headers: TMALL,
    data: {
      channelOrderId,
      lines: [{ sku, quantity: 1, unitPrice: 69_900 }],
      shippingFee: 0,
      buyer: { name: "Tmall Buyer Han", phone: "+86 138 0000 0042" },
      method: "PICKUP",
      pickupStoreCode: STORE,
      paid: true,
    },
  });
  expect(placed.status()).toBe(201);
  const { orderNo, status } = (await placed.json()) as { orderNo: string; status: string };
  expect(status).toBe("PAID");

  // HQ: the order list filtered to Tmall finds it by the marketplace's own id.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto("/admin/orders");
  await admin.getByLabel("Order number, customer or channel order id").fill(channelOrderId);
  await admin.getByLabel("Channel", { exact: true }).selectOption("TMALL");
  await admin.getByRole("button", { name: "Find" }).click();
  await admin.waitForURL(/channel=TMALL/);
  const rows = admin.getByTestId("admin-orders").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Tmall Flagship Store");
  await expect(rows.first()).toContainText(`Channel order ${channelOrderId}`);

  // An unknown channel code filters nothing rather than failing.
  await admin.goto(`/admin/orders?q=${channelOrderId}&channel=NOPE`);
  await expect(admin.getByTestId("admin-orders").locator("tbody tr")).toHaveCount(1);

  await admin.getByRole("link", { name: orderNo }).click();
  await expect(admin.getByRole("heading", { level: 1, name: orderNo })).toBeVisible();
  await expect(admin.getByTestId("order-source")).toHaveText(
    `Source: Tmall Flagship Store, channel order ${channelOrderId}`,
  );
  const fulfilment = admin.locator("section", {
    has: admin.getByRole("heading", { name: "Fulfilment orders" }),
  });
  await expect(fulfilment.getByText(/^From /)).toHaveText([new RegExp(`^From ${STORE} `)]);
  const decision = admin.getByTestId("routing-decision");
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText("Attempt 1");
  await expect(admin.getByTestId("routing-summary")).not.toBeEmpty();
  await admin.screenshot({
    path: test.info().outputPath("admin-channel-order.png"),
    fullPage: true,
  });
  await adminContext.close();

  // The flagship's staff see it in their queue and take it to ready for pickup.
  const staffContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const staff = await staffContext.newPage();
  await signIn(staff, ACCOUNTS.staff);
  await staff.goto("/store?tab=new");
  await staff.getByRole("link", { name: `Open order ${orderNo}` }).click();
  await expect(staff.getByRole("heading", { name: `Order ${orderNo}` })).toBeVisible();
  await expect(staff.getByTestId("task-customer")).toHaveText("Tmall Buyer Han");
  await staff.getByRole("button", { name: "Accept" }).click();
  await expect(staff.getByRole("status")).toHaveText("Accepted.");
  const boxes = staff.getByTestId("task-lines").getByRole("checkbox");
  await expect(boxes).toHaveCount(1);
  await boxes.first().click();
  await expect(staff.getByRole("status")).toHaveText("All items picked.");
  await staff.getByRole("button", { name: "Mark packed" }).click();
  await expect(staff.getByRole("status")).toHaveText("Packed.");
  await staff.getByRole("button", { name: "Mark ready for pickup" }).click();
  await expect(staff.getByRole("status")).toHaveText("Ready for pickup: the customer can come.");
  await staff.goto("/store?tab=ready");
  await expect(staff.getByRole("link", { name: `Open order ${orderNo}` })).toBeVisible();
  await staffContext.close();
});

test("HQ sets how long a channel's unpaid orders hold stock, and the channel's next order follows it", async ({
  page,
  request,
}) => {
  const JD = { authorization: "Bearer feed-demo-jd" };
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/allocation");
  const settings = page.getByTestId("partial-JD");
  const minutes = settings.getByRole("spinbutton");
  await expect(minutes).toHaveValue("60");

  // A careless value is refused beside the field, and nothing changes.
  await minutes.fill("2");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.locator("[id$='-error']")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("partial-JD").getByRole("spinbutton")).toHaveValue("60");

  await page.getByTestId("partial-JD").getByRole("spinbutton").fill("30");
  await saveAndOutliveRefresh(page, "Saved. The channel's next orders follow it.");
  await page.reload();
  await expect(page.getByTestId("partial-JD").getByRole("spinbutton")).toHaveValue("30");
  await page.screenshot({
    path: test.info().outputPath("admin-intake-settings.png"),
    fullPage: true,
  });

  // JD's next unpaid order holds its stock for 30 minutes, and the receipt says until when.
  const feed = await request.get("/api/channels/JD/stock", { headers: JD });
  const { items } = (await feed.json()) as { items: { skuCode: string; ats: number }[] };
  const sku = items.find((i) => i.ats > 0)?.skuCode;
  expect(sku).toBeDefined();
  const sent = Date.now();
  const placed = await request.post("/api/channels/JD/orders", {
    headers: JD,
    data: {
      channelOrderId: `JD-E2E-${sent}`,
      lines: [{ sku, quantity: 1, unitPrice: 9_900 }],
      buyer: { name: "JD Buyer Zhao" },
      method: "EXPRESS",
      address: { addressLine: "353 Nanjing Road East", city: "Shanghai" },
      paid: false,
    },
  });
  expect(placed.status()).toBe(201);
  const receipt = (await placed.json()) as { status: string; holdExpiresAt: string };
  expect(receipt.status).toBe("PENDING_PAYMENT");
  const heldMinutes = (Date.parse(receipt.holdExpiresAt) - sent) / 60_000;
  expect(heldMinutes).toBeGreaterThan(29);
  expect(heldMinutes).toBeLessThan(31);

  // Put the demo setting back for the rest of the suite.
  await page.getByTestId("partial-JD").getByRole("spinbutton").fill("60");
  await saveAndOutliveRefresh(page, "Saved.");
});
