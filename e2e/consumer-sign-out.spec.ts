import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

test("signing out ends the session on the server: a copied cookie no longer opens the account", async ({
  page,
  browser,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.includes("next-auth.session-token"))).toBe(true);

  // The copy works while the session lives…
  const before = await browser.newContext();
  await before.addCookies(copied);
  const beforePage = await before.newPage();
  await beforePage.goto("/account");
  await expect(beforePage).toHaveURL(/\/account$/);
  await expect(beforePage.getByTestId("signed-in-as")).toHaveText(ACCOUNTS.consumer.name);
  await before.close();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  // …and not after sign-out, though the token itself has not expired.
  const after = await browser.newContext();
  await after.addCookies(copied);
  const afterPage = await after.newPage();
  await afterPage.goto("/account");
  await expect(afterPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await after.close();
});
