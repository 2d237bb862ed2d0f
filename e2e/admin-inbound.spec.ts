import { expect, test } from "@playwright/test";
import { ACCOUNTS, emptyCart, signIn } from "./support";

// Presale allocation from the warehouse's side: a shopper buys a presale size (it waits for
// stock), the admin receives the inbound on /admin/inbound, and the order gets its stock and a
// shipment from the warehouse that received it.

test("receiving inbound allocates the waiting presale order and gives it a shipment", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const shopper = await (await browser.newContext()).newPage();
  await signIn(shopper, ACCOUNTS.consumer);
  await emptyCart(shopper);
  await shopper.goto("/products/RN-109?colour=Aurora&size=43");
  await expect(shopper.getByTestId("presale-ship-date")).toContainText("Presale: expected to ship");
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper.getByText(/^Added\./)).toBeVisible();
  await shopper.goto("/checkout");
  await shopper.getByLabel("Deliver to area").selectOption({ label: "Shanghai · Huangpu" });
  await shopper.getByRole("button", { name: "Show options" }).click();
  await shopper.waitForURL(/area=/);
  await shopper.getByRole("radio", { name: "Express delivery" }).check();
  await shopper.getByLabel("Street address").fill("88 Henan Road Middle");
  await shopper.getByRole("button", { name: "Place order" }).click();
  await shopper.waitForURL(/\/checkout\/pay\//);
  await shopper.getByRole("button", { name: "Pay", exact: true }).click();
  await shopper.waitForURL(/\/orders\/[^/?]+\?paid=1/);
  const orderPage = shopper.url().replace(/\?.*$/, "");
  await expect(shopper.getByTestId("order-status")).toHaveText("Paid");
  // Waiting for the inbound: nothing ships yet.
  await expect(shopper.getByTestId("shipment")).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.getByRole("link", { name: "Inbound" }).click();
  await admin.waitForURL(/\/admin\/inbound/);
  const row = admin.getByTestId("presale-RN-109-AUR-43");
  const waitingBefore = Number(await row.getByTestId("presale-waiting").textContent());
  expect(waitingBefore).toBeGreaterThanOrEqual(1);

  // A SKU that does not exist is refused on the form, and nothing is booked.
  await admin.getByLabel("SKU code").fill("NO-SUCH-SKU");
  await admin.getByRole("button", { name: "Receive" }).click();
  await expect(admin.getByTestId("inbound-result")).toHaveText("This item does not exist.");

  await admin.getByLabel("SKU code").fill("RN-109-AUR-43");
  await admin.getByLabel("Warehouse").selectOption({ index: 0 });
  await admin.getByLabel("Units received").fill("100");
  await admin.getByRole("button", { name: "Receive" }).click();
  await expect(admin.getByTestId("inbound-result")).toContainText(`100 units received (RCV-`);
  await expect(admin.getByTestId("inbound-result")).toContainText(
    `${waitingBefore} unit${waitingBefore === 1 ? "" : "s"} allocated to presale orders.`,
  );
  await admin.reload();
  await expect(row.getByTestId("presale-waiting")).toHaveText("0");

  await shopper.goto(orderPage);
  await expect(shopper.getByTestId("shipment")).toHaveCount(1);
  await expect(shopper.getByTestId("shipment")).toContainText("From");
});
