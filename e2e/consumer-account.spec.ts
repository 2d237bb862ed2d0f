import { expect, test } from "@playwright/test";
import { ACCOUNTS, clickAsSoonAsVisible, holdScripts, signIn } from "./support";

test("a consumer claims a coupon once, clicking Claim as soon as it shows, and sees it ready to use", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  // Scripts held back as on a slow phone: the first click is handled, or the button waits
  // visibly disabled until it can act. The seeded members' coupon nobody has claimed yet; the
  // welcome coupon is already Li Wei's.
  const { release } = await holdScripts(page);
  await page.goto("/account/coupons", { waitUntil: "commit" });
  const claim = page.getByRole("button", { name: "Claim Members' 10 % off over ¥299" });
  await clickAsSoonAsVisible(claim, release);
  await expect(page.getByRole("status")).toContainText(
    "Claimed. Use it at checkout with code MEMBER10.",
  );
  const mine = page.getByRole("list", { name: "My coupons" });
  await expect(mine.getByTestId("my-coupon").filter({ hasText: "MEMBER10" })).toContainText(
    "Ready to use",
  );
  await expect(mine.getByTestId("my-coupon").filter({ hasText: "WELCOME20" })).toContainText(
    "Ready to use",
  );
  await page.reload();
  await expect(
    page.getByTestId("claimable-coupon").filter({ hasText: "Members' 10 % off over ¥299" }),
  ).toContainText("Already claimed");
  await expect(page.getByRole("button", { name: "Claim Members' 10 % off over ¥299" })).toHaveCount(
    0,
  );
});

test("a consumer sees orders and points, and requests a return at a store with a return code", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await page.goto("/account/points");
  const balance = Number(await page.getByTestId("points-balance").textContent());
  expect(balance).toBeGreaterThan(0);
  await expect(page.getByRole("cell", { name: "Welcome bonus" })).toBeVisible();

  await page.goto("/account/orders");
  await expect(page.getByTestId("order-row").first()).toBeVisible();
  const returnLink = page.getByRole("link", { name: /^Return items from order / }).first();
  const label = await returnLink.getAttribute("aria-label");
  const orderNo = label!.replace("Return items from order ", "");
  await returnLink.click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Return items from order ${orderNo}` }),
  ).toBeVisible();

  // Nothing chosen: the server refuses with a typed error and nothing is recorded.
  await page.getByRole("button", { name: "Request return" }).click();
  // Next.js keeps its own route announcer with role alert, so match the text too.
  await expect(
    page.getByRole("alert").filter({ hasText: "Choose at least one item to return." }),
  ).toBeVisible();

  const first = page.getByRole("spinbutton").first();
  await first.fill("1");
  await page.getByLabel("Reason").selectOption("WRONG_SIZE");
  await page.getByLabel("Return at any store (you get a return code)").check();
  await page.getByRole("button", { name: "Request return" }).click();
  await expect(page.getByRole("status")).toContainText(
    /Return RMA\d{14} requested\. Refund due: (CN)?¥[\d,.]+\./,
  );
  const code = (await page.getByTestId("return-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

  await page.goto("/account/returns");
  const row = page.getByTestId("return-row").filter({ hasText: orderNo });
  await expect(row).toContainText("Requested");
  await expect(row.getByTestId("return-code")).toHaveText(code);
});

test("signing out clears the header and the account pages ask to sign in again", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.consumer);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await page.goto("/account");
  await page.waitForURL((url) => url.pathname === "/signin");
});
