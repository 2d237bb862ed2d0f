import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "onepool-demo";

export const ACCOUNTS = {
  consumer: { email: "consumer@onepool.dev", name: "Li Wei", home: "/" },
  employee: { email: "employee@onepool.dev", name: "Wang Fang", home: "/employee" },
  manager: { email: "employee.mgr@onepool.dev", name: "Zhou Min", home: "/employee" },
  staff: { email: "staff@onepool.dev", name: "Zhao Lei", home: "/store" },
  admin: { email: "admin@onepool.dev", name: "Chen Jing", home: "/admin" },
} as const;

/** Signs in through the real form and waits for the role's landing page. */
export async function signIn(page: Page, account: (typeof ACCOUNTS)[keyof typeof ACCOUNTS]) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === account.home);
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.name);
}

/** Opens a page and returns the HTTP status of the document. */
export async function statusOf(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  return response?.status() ?? 0;
}

/**
 * Holds every script of the next page load until `release` is called, as a slow phone does: the
 * server's HTML (and its styles) shows, but React has not attached a single handler yet.
 */
export async function holdScripts(page: Page): Promise<{ release: () => void }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const scripts = /\/_next\/static\/.*\.js(\?.*)?$/;
  await page.route(scripts, async (route) => {
    await gate;
    await route.continue();
  });
  return { release: () => open() };
}

/**
 * Clicks `button` the moment it is visible, before the page's scripts have run, then lets them
 * load. The early click must either be handled, or the button must have been disabled then and
 * become enabled once it can act (the click is then made again, as a shopper would).
 */
export async function clickAsSoonAsVisible(button: Locator, release: () => void): Promise<void> {
  await expect(button).toBeVisible();
  const disabledBeforeScripts = await button.isDisabled();
  if (!disabledBeforeScripts) await button.click();
  release();
  if (disabledBeforeScripts) {
    await expect(button).toBeEnabled();
    await button.click();
  }
}

/** Removes every line from the signed-in shopper's cart. */
export async function emptyCart(page: Page): Promise<void> {
  await page.goto("/cart");
  const remove = page.getByRole("button", { name: /^Remove / });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
}

/** Opens the nth featured style, picks a size in stock, adds one unit; returns the page URL. */
export async function addFeaturedToCart(page: Page, nth: number): Promise<string> {
  await page.goto("/");
  await page
    .getByTestId("featured-products")
    .getByTestId("product-card")
    .nth(nth)
    .getByRole("link")
    .first()
    .click();
  await page.waitForURL(/\/products\//);
  await page.getByTestId("size-option").filter({ hasText: "In stock" }).first().click();
  await page.waitForURL(/size=/);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/^Added\./)).toBeVisible();
  return page.url();
}
