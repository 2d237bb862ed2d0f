import { expect, test, type Page } from "@playwright/test";
import Stripe from "stripe";
import { ACCOUNTS, addFeaturedToCart, emptyCart, signIn } from "./support";

// Checkout end to end in the browser: product page → size → cart → checkout → demo payment →
// order page, for each fulfilment method, the hold-expiry path and the refusals a shopper sees.
// The server runs with the demo provider (no Stripe key) and a webhook secret from
// playwright.config.ts, so forged and replayed webhooks are tried over HTTP too.

const WEBHOOK_SECRET = "whsec_e2e_onepool_checkout";

/** Removes whatever earlier tests left in the consumer's cart. */
async function chooseArea(page: Page, label: string) {
  await page.getByLabel("Deliver to area").selectOption({ label });
  await page.getByRole("button", { name: "Show options" }).click();
  await page.waitForURL(/area=/);
}

/** On the demo payment page: presses Pay and waits for the order page. */
async function payOnDemoPage(page: Page): Promise<string> {
  await page.waitForURL(/\/checkout\/pay\//);
  await expect(page.getByTestId("demo-banner")).toHaveText("Demo payment — no money moves");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ACCOUNTS.consumer);
  await emptyCart(page);
});

test("store pickup: pay, then the order page shows the pickup code and its QR", async ({
  page,
}) => {
  await page.goto("/account/orders");
  const ordersBefore = await page.getByTestId("order-row").count();
  await addFeaturedToCart(page, 0);
  await page.goto("/checkout");
  await page.getByRole("radio", { name: "Store pickup" }).check();
  const stores = page.getByRole("group", { name: "Pickup store" }).getByRole("radio");
  await expect(stores.first()).toBeVisible();
  await stores.first().check();
  await page.getByRole("button", { name: "Place order" }).dblclick();
  await payOnDemoPage(page);

  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("pickup-code")).toHaveText(/^\d{6}$/);
  await expect(page.getByRole("img", { name: "QR code of the pickup code" })).toBeVisible();
  await expect(page.getByTestId("order-timeline")).toContainText("Order placed");
  await expect(page.getByTestId("order-timeline")).toContainText("Paid");
  // The double click placed one order, and the cart it came from is empty now.
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(ordersBefore + 1);
  await page.goto("/cart");
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
});

test("same-city delivery from a nearby store: pay, then the order page shows the shipment", async ({
  page,
}) => {
  await addFeaturedToCart(page, 1);
  await page.goto("/checkout");
  await chooseArea(page, "Shanghai · Huangpu");
  const sameCity = page.getByRole("radio", { name: "Same-city delivery" });
  await expect(sameCity).toBeEnabled();
  await sameCity.check();
  await expect(page.getByTestId("method-SAME_CITY")).toContainText("Delivered by");
  await page.getByLabel("Street address").fill("88 Henan Road Middle");
  await page.getByRole("button", { name: "Place order" }).click();
  await payOnDemoPage(page);

  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByRole("heading", { name: "Shipments" })).toBeVisible();
  await expect(page.getByTestId("shipment").first()).toContainText("From Shanghai");
  await expect(page.getByTestId("pickup-code")).toHaveCount(0);
});

test("express: an address outside every same-city radius is told so and ships by express", async ({
  page,
}) => {
  await addFeaturedToCart(page, 2);
  await page.goto("/checkout");
  await chooseArea(page, "Shanghai · Chongming Island");
  await expect(page.getByRole("radio", { name: "Same-city delivery" })).toBeDisabled();
  await expect(page.getByTestId("method-SAME_CITY-reason")).toContainText(
    "outside every store's same-city delivery radius",
  );
  await page.getByRole("radio", { name: "Express delivery" }).check();
  await page.getByLabel("Street address").fill("1 Bayi Road");
  await page.getByRole("button", { name: "Place order" }).click();
  await payOnDemoPage(page);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("shipment").first()).toBeVisible();
});

test("an unpaid hold counts down, is released at zero, and then cannot be paid", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await addFeaturedToCart(page, 3);
  // A 20-second hold for this order only (the server allows ?holdSeconds in end-to-end runs).
  await page.goto("/checkout?holdSeconds=20");
  await page.getByRole("radio", { name: "Store pickup" }).check();
  await page.getByRole("group", { name: "Pickup store" }).getByRole("radio").first().check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/checkout\/pay\//);
  const payPage = page.url();
  const orderNo = decodeURIComponent(new URL(payPage).pathname.split("/").pop() ?? "");

  await page.goto(`/orders/${orderNo}`);
  await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");
  await expect(page.getByRole("timer")).toHaveText(/^00:(1\d|0\d|20)$/);
  // The demo payment page stays open in another tab while the hold runs out.
  const late = await context.newPage();
  await late.goto(payPage);
  await expect(page.getByTestId("hold-countdown")).toHaveText(
    "Your hold has expired: the items were released.",
    { timeout: 40_000 },
  );
  await expect(page.getByTestId("hold-released")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Pay now" })).toHaveCount(0);

  // The payment page counted down too; pressing Pay after zero is refused.
  await expect(late.getByTestId("hold-countdown")).toHaveText(
    "Your hold has expired: the items were released.",
  );
  await late.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(late.getByTestId("payment-error")).toContainText("expired");
  await expect(late.getByTestId("payment-error")).toContainText("Nothing was charged");
  await page.reload();
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByTestId("order-timeline")).not.toContainText("Paid");
});

test("refusals are shown on the page: no store chosen, a store without pickup, a bad coupon, an empty cart", async ({
  page,
}) => {
  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-empty")).toHaveText("Your cart is empty.");

  await addFeaturedToCart(page, 4);
  // A link to a warehouse as if it were a pickup store.
  await page.goto("/checkout?store=CW-SH");
  await expect(page.getByTestId("store-problem")).toContainText("does not offer store pickup");
  await page.getByRole("radio", { name: "Store pickup" }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("checkout-error")).toContainText("Choose a store to pick up from.");
  await expect(page.getByTestId("checkout-error")).toContainText("Nothing was reserved");
  await expect(page).toHaveURL(/\/checkout/);

  await page.getByRole("group", { name: "Pickup store" }).getByRole("radio").first().check();
  await page.getByLabel("Coupon code").fill("NO-SUCH-COUPON");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("coupon-preview")).toBeVisible();
  await expect(page.getByTestId("coupon-preview")).not.toContainText("off:");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("checkout-error")).toContainText("Nothing was reserved");
  await expect(page).toHaveURL(/\/checkout/);
  // Nothing was placed: the cart still holds the item.
  await page.goto("/cart");
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(1);
});

test("the webhook refuses a forged signature and ignores a replay", async ({ request }) => {
  const event = {
    id: `evt_e2e_${Date.now()}`,
    object: "event",
    type: "payment_intent.succeeded",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: "pi_e2e_unknown",
        object: "payment_intent",
        amount_received: 100,
        metadata: {},
      },
    },
  };
  const payload = JSON.stringify(event);
  const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_not_ours" });
  const refused = await request.post("/api/stripe/webhook", {
    data: payload,
    headers: { "stripe-signature": forged, "content-type": "application/json" },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.code).toBe("INVALID_INPUT");
  const unsigned = await request.post("/api/stripe/webhook", {
    data: payload,
    headers: { "content-type": "application/json" },
  });
  expect(unsigned.status()).toBe(400);

  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const first = await request.post("/api/stripe/webhook", {
    data: payload,
    headers: { "stripe-signature": signature, "content-type": "application/json" },
  });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ received: true, duplicate: false, outcome: "IGNORED" });
  const replay = await request.post("/api/stripe/webhook", {
    data: payload,
    headers: { "stripe-signature": signature, "content-type": "application/json" },
  });
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toMatchObject({ received: true, duplicate: true });
});
