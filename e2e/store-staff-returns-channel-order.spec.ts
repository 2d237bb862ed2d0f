import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoFeedToken } from "@/lib/feed/feed-token";
import { ACCOUNTS, signIn } from "./support";

// The returns counter finds a marketplace order by the marketplace's own order id. When the same
// buyer holds that id on two channels (Tmall and JD), it refuses to guess and asks for the
// OnePool order number, which then finds the one order meant.

// Server actions on a shared two-core machine can take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

const AMBIGUOUS =
  "This channel order id belongs to orders on several channels. Give the OnePool order number instead.";

const headers = (channel: string) => ({ authorization: `Bearer ${demoFeedToken(channel)}` });

/** A SKU both channels may sell right now, read from their stock feeds. */
async function skuBothSell(request: APIRequestContext, channels: readonly string[]) {
  const sellable = await Promise.all(
    channels.map(async (channel) => {
      const feed = await request.get(`/api/channels/${channel}/stock`, {
        headers: headers(channel),
      });
      expect(feed.status()).toBe(200);
      const { items } = (await feed.json()) as { items: { skuCode: string; ats: number }[] };
      return new Set(items.filter((i) => i.ats >= 2).map((i) => i.skuCode));
    }),
  );
  const [first, ...rest] = sellable;
  const sku = [...(first ?? [])].sort().find((code) => rest.every((s) => s.has(code)));
  expect(sku, `a SKU that ${channels.join(" and ")} both sell`).toBeDefined();
  return sku!;
}

/** Posts a paid express order to Shanghai as the channel's connector does; its order number. */
async function postPaidOrder(
  request: APIRequestContext,
  order: { channel: string; channelOrderId: string; sku: string; buyer: string; phone: string },
) {
  const placed = await request.post(`/api/channels/${order.channel}/orders`, {
    headers: headers(order.channel),
    data: {
      channelOrderId: order.channelOrderId,
      lines: [{ sku: order.sku, quantity: 1, unitPrice: 59_900 }],
      shippingFee: 0,
      buyer: { name: order.buyer, phone: order.phone },
      method: "EXPRESS",
      address: { addressLine: "100 Nanjing Road East", city: "Shanghai", district: "Huangpu" },
      paid: true,
    },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const receipt = (await placed.json()) as { orderNo: string; paymentStatus: string };
  expect(receipt.paymentStatus).toBe("PAID");
  return receipt.orderNo;
}

/** The counter's lookup: the code the customer gives, with their phone. */
async function findAtCounter(staff: Page, code: string, phone: string) {
  await staff.goto("/store/returns");
  await expect(staff.getByRole("heading", { name: "Returns at the counter" })).toBeVisible();
  await staff.getByLabel("Return code, RMA, order number or channel order id").fill(code);
  await staff.getByLabel("Buyer's phone or email").fill(phone);
  const find = staff.getByRole("button", { name: "Find" });
  await expect(find).toBeEnabled();
  await find.click();
}

/** A phone number no other run or seeded order has. */
const freshPhone = () => `+86 139 ${String(Date.now()).slice(-8)}`;

test("a channel order id held on Tmall and on JD asks for the order number, which finds the order", async ({
  page,
  request,
}) => {
  const sku = await skuBothSell(request, ["TMALL", "JD"]);
  const channelOrderId = `MP-E2E-${Date.now()}`;
  const phone = freshPhone();
  const buyer = "Marketplace Buyer Su";
  const tmallOrderNo = await postPaidOrder(request, {
    channel: "TMALL",
    channelOrderId,
    sku,
    buyer,
    phone,
  });
  const jdOrderNo = await postPaidOrder(request, {
    channel: "JD",
    channelOrderId,
    sku,
    buyer,
    phone,
  });
  expect(jdOrderNo).not.toBe(tmallOrderNo);

  await signIn(page, ACCOUNTS.staff);
  await findAtCounter(page, channelOrderId, phone);
  await expect(page.getByText(AMBIGUOUS, { exact: true })).toBeVisible();
  await expect(page.getByTestId("counter-order")).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath("counter-ambiguous-channel-order.png"),
    fullPage: true,
  });

  // The JD order by its OnePool order number, with the same phone.
  await findAtCounter(page, jdOrderNo, phone);
  const found = page.getByTestId("counter-order");
  await expect(found).toBeVisible();
  await expect(
    found.getByText(new RegExp(`^Order ${jdOrderNo} · ${buyer} · placed `)),
  ).toBeVisible();
  await expect(page.getByText(AMBIGUOUS)).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath("counter-channel-order-by-number.png"),
    fullPage: true,
  });
});

test("a channel order id held on one channel only finds that order", async ({ page, request }) => {
  const sku = await skuBothSell(request, ["TMALL"]);
  const channelOrderId = `TM-E2E-${Date.now()}`;
  const phone = freshPhone();
  const buyer = "Tmall Buyer Lin";
  const orderNo = await postPaidOrder(request, {
    channel: "TMALL",
    channelOrderId,
    sku,
    buyer,
    phone,
  });

  await signIn(page, ACCOUNTS.staff);
  await findAtCounter(page, channelOrderId, phone);
  const found = page.getByTestId("counter-order");
  await expect(found.getByText(new RegExp(`^Order ${orderNo} · ${buyer} · placed `))).toBeVisible();
  await expect(page.getByText(AMBIGUOUS)).toHaveCount(0);
  // Not delivered yet: nothing can come back, so no exchange is offered either.
  await expect(
    found.getByText(/^This order cannot be returned: it has not been delivered/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Exchange a size instead" })).toHaveCount(0);
});
