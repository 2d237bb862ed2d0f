import { expect, test } from "@playwright/test";

// Browses the seeded demo brand: Velocity Run 3 (RN-101) is a men's running shoe in Black,
// White and Volt, sizes 39–45, with stock in several Shanghai stores.

test("a shopper browses a category, filters by size, picks colour and size, sees stock and nearby stores", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^Running Shoes/ }).click();
  await expect(page).toHaveURL(/\/shop\/running-shoes$/);
  await expect(page.getByRole("heading", { level: 1, name: "Running Shoes" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Size").selectOption("42");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/shop\/running-shoes\?size=42$/);
  await expect(filters.getByLabel("Size")).toHaveValue("42");
  // Women's runs stop at 40, so the women's version is filtered out.
  const cards = page.getByTestId("product-card");
  await expect(cards.getByRole("heading", { name: "Velocity Run 3", exact: true })).toBeVisible();
  await expect(
    cards.getByRole("heading", { name: "Velocity Run 3 Women", exact: true }),
  ).toHaveCount(0);

  await cards
    .filter({ has: page.getByRole("heading", { name: "Velocity Run 3", exact: true }) })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/products\/RN-101$/);
  await expect(page.getByRole("heading", { level: 1, name: "Velocity Run 3" })).toBeVisible();
  await expect(page.getByText("Choose a size to add it to your cart.")).toBeVisible();

  await page.getByRole("link", { name: "White", exact: true }).click();
  await expect(page).toHaveURL(/colour=White/);
  await expect(page.getByRole("link", { name: "White", exact: true })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await expect(page.getByText("Colour: White")).toBeVisible();

  // Each size says its web stock; the server publishes channel stock shortly after it starts.
  await expect(async () => {
    await page.reload();
    await expect(
      page
        .getByTestId("size-option")
        .filter({ hasText: /In stock|Only \d+ left/ })
        .first(),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("size-option")).toHaveCount(7);

  await page.getByRole("link", { name: /^42: / }).click();
  await expect(page).toHaveURL(/colour=White&size=42/);
  await expect(page.getByTestId("stock-state")).toHaveText(
    /^42: (In stock|Only \d+ left|Out of stock)$/,
  );
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();

  await page.getByLabel("City", { exact: true }).selectOption("Shanghai");
  await page.getByRole("button", { name: "Check stores" }).click();
  await expect(page).toHaveURL(/city=Shanghai/);
  const stores = page.getByTestId("nearby-store");
  await expect(stores.first()).toBeVisible();
  expect(await stores.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("nearby-summary")).toContainText("near Shanghai have 42");
  const distances = await page.getByTestId("store-distance").allTextContents();
  const km = distances.map((d) => Number(d.replace(" km", "")));
  for (const d of km) expect(d).toBeGreaterThanOrEqual(0);
  expect(distances.every((d) => /^\d+\.\d km$/.test(d))).toBe(true);
  expect([...km].sort((a, b) => a - b)).toEqual(km);
  for (const text of await stores.allTextContents()) expect(text).toMatch(/Shanghai/);
});

test("a shared location lists the nearest stores first", async ({ page, context }) => {
  await context.grantPermissions(["geolocation"]);
  // People's Square, Shanghai.
  await context.setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
  await page.goto("/products/RN-101?colour=White&size=42");
  await page.getByRole("button", { name: "Use my location" }).click();
  await expect(page).toHaveURL(/lat=31\.2304/);
  await expect(page.getByTestId("nearby-summary")).toContainText("near your location");
  const first = Number(
    (await page.getByTestId("store-distance").first().textContent())?.replace(" km", ""),
  );
  expect(first).toBeLessThan(15);
});

test("search finds a style by name and by style code", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search styles" }).fill("velocity");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=velocity/);
  await expect(
    page
      .getByTestId("search-results")
      .getByRole("heading", { name: "Velocity Run 3", exact: true }),
  ).toBeVisible();
  await page.goto("/search?q=rn-101");
  await expect(page.getByTestId("search-summary")).toHaveText("1 style found for “rn-101”.");
  await page.goto("/search?q=zzzz-nothing");
  await expect(page.getByTestId("search-summary")).toHaveText(
    "No styles found for “zzzz-nothing”.",
  );
});

test("a size the style does not have shows a clear message and offers nothing to add", async ({
  page,
}) => {
  const response = await page.goto("/products/RN-101?colour=Black&size=XXL");
  expect(response?.status()).toBe(200);
  const problem = page.getByTestId("selection-problem");
  await expect(problem).toHaveText(
    "Size XXL does not exist for this style. Choose one of the sizes shown.",
  );
  await expect(problem).toHaveAttribute("role", "alert");
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await expect(page.getByTestId("size-option")).toHaveCount(7);
  await expect(
    page.getByText("Choose a size to see which stores have it for pickup."),
  ).toBeVisible();
});

test("an unknown style answers 404 with a way back, and odd filters are named, not fatal", async ({
  page,
}) => {
  const response = await page.goto("/products/NOPE-999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This style is not in the shop" })).toBeVisible();
  expect((await page.goto("/shop/no-such-category"))?.status()).toBe(404);
  await page.goto("/shop?min=abc&near=Paris");
  await expect(page.getByRole("status").filter({ hasText: "left out" })).toHaveText(
    "Some filters were not understood and were left out: min, near.",
  );
  await expect(page.getByTestId("product-card").first()).toBeVisible();
});
