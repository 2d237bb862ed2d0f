import { expect, test } from "@playwright/test";

test("the storefront shows real products and categories from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-card")).toHaveCount(12);
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();
});

for (const area of ["/admin", "/store", "/employee"]) {
  test(`an anonymous visitor to ${area} is sent to sign in`, async ({ page }) => {
    await page.goto(area);
    await expect(page).toHaveURL(
      new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(area).replace("/", "\\/")}`),
    );
  });
}

test("a wrong password is refused with a message that leaks nothing", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("admin@onepool.dev");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("The email or password is not right.");
  await page.getByLabel("Email").fill("nobody@onepool.dev");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("The email or password is not right.");
  await expect(page).toHaveURL(/\/signin/);
});

test("the language switch is remembered and prices follow the locale", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "按品类选购" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "按品类选购" })).toBeVisible();
  await expect(page.getByTestId("product-card").first()).toContainText("¥");
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();
});
