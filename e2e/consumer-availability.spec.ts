import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, addFeaturedToCart, emptyCart, signIn } from "./support";

// The stock a page shows is the stock checkout can sell, from the shopper's side: a store the
// product page lists for a size hands it over at checkout, pickup stores come nearest first,
// same-city reasons say which problem applies, and district lists follow the chosen city.

async function chooseArea(page: Page, city: string, area: string) {
  await page.getByLabel("City", { exact: true }).selectOption(city);
  await page.getByLabel("Deliver to area").selectOption({ label: area });
  await page.getByRole("button", { name: "Show options" }).click();
  await page.waitForURL(/area=/);
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.consumer);
  await emptyCart(page);
});

test("every store the product page lists with the size has it at checkout, preselected", async ({
  page,
}) => {
  const productUrl = await addFeaturedToCart(page, 0);
  await page.goto(productUrl);
  await page.getByLabel("City", { exact: true }).selectOption("Shanghai");
  await page.getByRole("button", { name: "Check stores" }).click();
  await expect(page).toHaveURL(/city=Shanghai/);
  const listed = page.getByTestId("nearby-store");
  await expect(listed.first()).toBeVisible();
  const codes = await listed.evaluateAll((items) =>
    items.map((item) => item.getAttribute("data-code") ?? ""),
  );
  for (const text of await page.getByTestId("store-available").allTextContents())
    expect(Number(text.replace(/\D/g, ""))).toBeGreaterThan(0);

  // Picking a store on the product page carries it to checkout.
  await listed.first().getByTestId("pick-store").click();
  await page.waitForURL(new RegExp(`/checkout\\?store=${codes[0]}`));

  for (const code of codes) {
    await page.goto(`/checkout?store=${encodeURIComponent(code)}`);
    await expect(page.getByRole("radio", { name: "Store pickup" })).toBeChecked();
    const store = page.locator(`[data-testid="pickup-store"][data-code="${code}"]`);
    await expect(store.getByRole("radio")).toBeChecked();
    await expect(store, `store ${code}`).toContainText("Has everything now");
    await expect(page.getByTestId("method-PICKUP")).not.toContainText("days where items");
  }
});

test("pickup stores come nearest to the chosen area first; a filter keeps those with everything", async ({
  page,
}) => {
  await addFeaturedToCart(page, 1);
  await page.goto("/checkout");
  await chooseArea(page, "Shanghai", "Shanghai · Huangpu");
  await page.getByRole("radio", { name: "Store pickup" }).check();
  const distances = await page.getByTestId("pickup-store-distance").allTextContents();
  const km = distances.map((d) => Number(d.replace(/[^\d.]/g, "")));
  expect(km.length).toBeGreaterThan(3);
  expect(km[0]).toBeLessThan(3);
  expect([...km].sort((a, b) => a - b)).toEqual(km);
  // Stores 1,000 km away (Beijing, Guangzhou) come after every Shanghai store.
  expect(km.findIndex((k) => k > 500)).toBeGreaterThan(0);

  const filter = page.getByRole("checkbox", { name: "Only stores that have everything now" });
  if ((await filter.count()) > 0) {
    await filter.check();
    for (const store of await page.getByTestId("pickup-store").filter({ visible: true }).all())
      await expect(store).toContainText("Has everything now");
  }
});

test("same-city reasons tell the truth: outside every radius only when it is", async ({ page }) => {
  for (let i = 0; i < 2; i++) await addFeaturedToCart(page, i);
  await page.goto("/checkout");
  await chooseArea(page, "Shanghai", "Shanghai · Chongming Island");
  await expect(page.getByRole("radio", { name: "Same-city delivery" })).toBeDisabled();
  await expect(page.getByTestId("method-SAME_CITY-reason")).toContainText(
    "No store delivers to this address",
  );

  // Huangpu is about 1 km from a store delivering same-city: never "outside every radius".
  await chooseArea(page, "Shanghai", "Shanghai · Huangpu");
  const sameCity = page.getByRole("radio", { name: "Same-city delivery" });
  if (await sameCity.isDisabled()) {
    const reason = page.getByTestId("method-SAME_CITY-reason");
    await expect(reason).not.toContainText("outside every");
    await expect(reason).toContainText(/deliver(s)? here/);
  } else {
    await expect(page.getByTestId("method-SAME_CITY")).toContainText("Delivered by");
  }
});

test("district lists follow the chosen city, each district once", async ({ page }) => {
  await page.goto("/products/RN-101?colour=White&size=42");
  const city = page.getByLabel("City", { exact: true });
  const district = page.getByLabel("District", { exact: true });
  await city.selectOption("Beijing");
  const beijing = await district.locator("option").allTextContents();
  expect(beijing.length).toBeGreaterThan(1);
  expect(new Set(beijing).size).toBe(beijing.length);
  expect(beijing).not.toContain("Huangpu");
  await city.selectOption("Shanghai");
  const shanghai = await district.locator("option").allTextContents();
  expect(shanghai).toContain("Huangpu");
  expect(shanghai).not.toEqual(expect.arrayContaining(beijing.slice(1)));

  await addFeaturedToCart(page, 0);
  await page.goto("/checkout");
  await page.getByLabel("City", { exact: true }).selectOption("Beijing");
  const areas = await page.getByLabel("Deliver to area").locator("option").allTextContents();
  expect(areas.slice(1).length).toBeGreaterThan(0);
  for (const area of areas.slice(1)) expect(area).toMatch(/^Beijing · /);
  expect(new Set(areas).size).toBe(areas.length);
});
