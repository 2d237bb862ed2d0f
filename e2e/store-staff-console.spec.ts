import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// The store console from the staff's side: the queue's tabs and the summary tiles count the same
// tasks, a pickup whose items come in a parcel never claims the items are picked, and the endless
// aisle's list of other nodes leaves the store itself out.

const expect = baseExpect.configure({ timeout: 15_000 });

const TABS = [
  ["new", "New"],
  ["progress", "In progress"],
  ["ready", "Ready"],
  ["incoming", "Parcels coming in"],
] as const;

async function tabCount(page: Page, label: string): Promise<number> {
  const tab = page
    .getByRole("navigation", { name: "Task queue" })
    .getByRole("link", { name: new RegExp(`^${label} \\(\\d+\\)$`) });
  const text = (await tab.textContent()) ?? "";
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
}

async function countsOnStorePage(page: Page) {
  await page.goto("/store");
  const counts: Record<string, { tab: number; tile: number }> = {};
  for (const [key, label] of TABS) {
    counts[key] = {
      tab: await tabCount(page, label),
      tile: Number(await page.getByTestId(`store-tile-${key}`).textContent()),
    };
  }
  return counts;
}

/** An option of an aisle style's size list whose SKU this store lacks but other nodes hold. */
async function candidatesElsewhere(page: Page): Promise<{ style: Locator; value: string }[]> {
  const found: { style: Locator; value: string }[] = [];
  for (const query of ["RN", "JK", "BB", "HD", "AC", "BG"]) {
    await page.goto(`/store/endless-aisle?q=${query}`);
    const styles = page.getByTestId("aisle-style");
    const count = await styles.count();
    for (let i = 0; i < count; i++) {
      const options = await styles
        .nth(i)
        .locator("option")
        .evaluateAll((els) =>
          els.map((el) => ({
            value: (el as HTMLOptionElement).value,
            label: el.textContent ?? "",
          })),
        );
      for (const option of options) {
        const elsewhere = /Here: 0 · Other nodes: (\d+)/.exec(option.label);
        if (elsewhere && Number(elsewhere[1]) >= 5)
          found.push({ style: page.getByTestId("aisle-style").nth(i), value: option.value });
      }
    }
    if (found.length > 0) return found;
  }
  return found;
}

test("the tabs and the summary tiles show the same counts, also after a new order", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.staff);
  const before = await countsOnStorePage(page);
  for (const [key] of TABS) expect(before[key]!.tile, key).toBe(before[key]!.tab);

  await page.goto("/store/endless-aisle?q=RN-101");
  const style = page.getByTestId("aisle-style").first();
  await style.getByText("Order for a customer").click();
  await style.getByLabel("Customer name").fill("Walk-in Qian");
  await style.getByRole("button", { name: "Place order (paid at the till)" }).click();
  await expect(style.getByRole("status")).toContainText("placed and paid", { timeout: 20_000 });

  const after = await countsOnStorePage(page);
  for (const [key] of TABS) expect(after[key]!.tile, key).toBe(after[key]!.tab);
  expect(after.new!.tab).toBe(before.new!.tab + 1);
});

test("the endless aisle lists other nodes without the store itself", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  await page.goto("/store");
  const storeName = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
  expect(storeName.length).toBeGreaterThan(0);

  await page.goto("/store/endless-aisle?q=RN-101");
  const style = page.getByTestId("aisle-style").first();
  await expect(style).toBeVisible();
  // This store holds the style: its own stock is the "Here" figure, not a row of the list.
  await expect(style.getByText(/Here: [1-9]/).first()).toBeVisible();
  const lists = await style.getByTestId("aisle-other-nodes").allTextContents();
  expect(lists.length).toBeGreaterThan(0);
  for (const list of lists) {
    const names = list.split(" · ").map((entry) => entry.replace(/: \d+$/, ""));
    expect(names).not.toContain(storeName);
  }
});

test("a pickup whose items come in a parcel does not say the items are picked", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.staff);
  let orderNo: string | undefined;
  for (const candidate of (await candidatesElsewhere(page)).slice(0, 4)) {
    const { style, value } = candidate;
    await style.getByText("Order for a customer").click();
    await style.getByLabel("Colour and size").selectOption(value);
    await style.getByLabel("Customer name").fill("Walk-in Parcel");
    await style.getByRole("button", { name: "Place order (paid at the till)" }).click();
    const placed = style.getByRole("status");
    const refused = style.getByRole("alert");
    await expect(placed.or(refused)).toBeVisible({ timeout: 20_000 });
    const text = (await placed.textContent().catch(() => null)) ?? "";
    orderNo = /Order (\S+) placed/.exec(text)?.[1];
    if (orderNo) break;
  }
  if (!orderNo) throw new Error("no SKU to order from other nodes for a pickup here");

  // The parcel is on its way to this store; the store's own task holds no items.
  await page.goto("/store?tab=incoming");
  await expect(page.getByRole("link", { name: `Open order ${orderNo}` })).toBeVisible();
  await page.goto("/store?tab=new");
  await page.getByRole("link", { name: `Open order ${orderNo}` }).click();
  await expect(page.getByRole("heading", { name: `Order ${orderNo}` })).toBeVisible();
  await expect(page.getByText("1 parcel has not arrived yet.")).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("Accepted.");

  await expect(page.getByRole("button", { name: "All items picked." })).toHaveCount(0);
  await page.getByRole("button", { name: "Continue: nothing to pick here" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Nothing to pick at this store: the items come in the parcels still on the way.",
  );
  await expect(page.getByText("All items picked.")).toHaveCount(0);
  // Ready for pickup waits for the parcel.
  await expect(page.getByText("1 parcel has not arrived yet.")).toBeVisible();
});
