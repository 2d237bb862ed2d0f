import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "onepool-demo";

export const ACCOUNTS = {
  consumer: { email: "consumer@onepool.dev", name: "Li Wei", home: "/" },
  employee: { email: "employee@onepool.dev", name: "Wang Fang", home: "/employee" },
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
