import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, statusOf } from "./support";

const CATEGORY = "Basketball Shoes";

/** The feed snapshot a marketplace connector reads with the demo token of the channel. */
async function feedSnapshot(baseURL: string, code: string) {
  const connector = await playwrightRequest.newContext({ baseURL });
  const response = await connector.get(`/api/channels/${code}/stock`, {
    headers: { authorization: `Bearer feed-demo-${code.toLowerCase()}` },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { skuCode: string; ats: number }[] };
  await connector.dispose();
  return new Map(body.items.map((i) => [i.skuCode, i.ats]));
}

async function previewFigures(page: Page) {
  const preview = page.getByTestId("allocation-preview");
  await expect(preview).toBeVisible();
  const rows = await preview.locator("tbody tr").all();
  const figures = [];
  for (const row of rows) {
    const skuCode = ((await row.getAttribute("data-testid")) ?? "").replace(/^preview-/, "");
    const pool = Number((await row.getByTestId("preview-pool").textContent())?.replace(/\D/g, ""));
    const cells = await row.locator("td[data-now]").all();
    const channels = new Map<string, { now: number; after: number }>();
    for (const cell of cells) {
      const id = (await cell.getAttribute("data-testid")) ?? "";
      const code = id.slice(`preview-${skuCode}-`.length);
      channels.set(code, {
        now: Number(await cell.getAttribute("data-now")),
        after: Number(await cell.getAttribute("data-after")),
      });
    }
    const protectedAfter =
      (await row.locator("[data-protected-after]").getAttribute("data-protected-after")) === "true";
    figures.push({ skuCode, pool, channels, protectedAfter });
  }
  return figures;
}

test("an admin moves TMALL from SHARED to RATIO 30 % for a category, previews, saves, and the feed shows it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/allocation");
  await expect(page.getByRole("heading", { name: "Channel allocation" })).toBeVisible();

  // TMALL sells the category from the shared pool first.
  await page.getByRole("button", { name: "New policy" }).click();
  const editor = page.getByTestId("policy-editor");
  await editor.locator('select[name="channelCode"]').selectOption("TMALL");
  await editor.locator('select[name="scope"]').selectOption("CATEGORY");
  await editor.locator('select[name="categoryId"]').selectOption({ label: CATEGORY });
  await editor.locator('select[name="mode"]').selectOption("SHARED");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByRole("status")).toContainText("Saved");

  // Then the admin opens that policy from the grid and makes it a 30 % quota.
  await page.getByRole("button", { name: `Edit TMALL Category: ${CATEGORY}` }).click();
  const edit = page.getByTestId("policy-editor");
  await expect(edit.locator('select[name="mode"]')).toHaveValue("SHARED");
  await edit.locator('select[name="mode"]').selectOption("RATIO");
  await edit.getByLabel("Ratio (%)").fill("30");
  await edit.getByRole("button", { name: "Preview" }).click();
  const figures = await previewFigures(page);
  expect(figures.length).toBeGreaterThan(0);
  let dropped = 0;
  for (const sku of figures) {
    // No channel may sell more than the pool can deliver, now or after.
    for (const [code, f] of sku.channels) {
      expect(f.after, `${sku.skuCode} ${code}`).toBeLessThanOrEqual(sku.pool);
      expect(f.now, `${sku.skuCode} ${code}`).toBeLessThanOrEqual(sku.pool);
    }
    const tmall = sku.channels.get("TMALL");
    expect(tmall).toBeDefined();
    if (sku.protectedAfter && tmall && tmall.after < tmall.now) dropped += 1;
  }
  expect(dropped, "TMALL's ATS drops on a protected SKU").toBeGreaterThan(0);
  await expect(page.getByTestId("preview-tier").first()).toContainText(
    /on \(protected\)|off \(shared\)/,
  );
  await page.screenshot({ path: test.info().outputPath("allocation-preview.png"), fullPage: true });

  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByRole("status")).toContainText("Saved");

  const feed = await feedSnapshot(baseURL ?? "", "TMALL");
  for (const sku of figures) {
    const tmall = sku.channels.get("TMALL");
    if (tmall) expect(feed.get(sku.skuCode) ?? 0, sku.skuCode).toBe(tmall.after);
  }

  // A ratio above 100 % is refused next to its field, and nothing is saved.
  await page.goto("/admin/allocation");
  await page.getByRole("button", { name: `Edit TMALL Category: ${CATEGORY}` }).click();
  const stale = page.getByTestId("policy-editor");
  await stale.getByLabel("Ratio (%)").fill("101");
  await stale.getByRole("button", { name: "Save" }).click();
  await expect(stale.locator("#policy-ratioPercent-error")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("allocation-refused.png"), fullPage: true });
});

test("a consumer gets 403 on the allocation page and FORBIDDEN from its actions", async ({
  browser,
  baseURL,
}) => {
  // Capture a real action call as the admin's page makes it, then replay it as the consumer.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto("/admin/allocation");
  await admin.getByRole("button", { name: "New policy" }).click();
  const [call] = await Promise.all([
    admin.waitForRequest((r) => r.method() === "POST" && "next-action" in r.headers()),
    admin.getByTestId("policy-editor").getByRole("button", { name: "Preview" }).click(),
  ]);
  const headers = call.headers();
  const body = call.postData() ?? "";
  await adminContext.close();

  const consumerContext = await browser.newContext({ baseURL });
  const consumer = await consumerContext.newPage();
  await signIn(consumer, ACCOUNTS.consumer);
  expect(await statusOf(consumer, "/admin/allocation")).toBe(403);
  const replay = await consumer.request.post("/admin/allocation", {
    headers: {
      "next-action": headers["next-action"] ?? "",
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: body,
  });
  const text = await replay.text();
  expect(text).toContain('"code":"FORBIDDEN"');
  expect(text).not.toContain('"ok":true');
  await consumerContext.close();
});

test("a stock adjustment that takes a SKU's pool below its tier threshold protects it, in the preview and the feeds", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  await signIn(page, ACCOUNTS.admin);

  // A level of a style no other test touches, with a unit available to take.
  await page.goto("/admin/stock?q=RN-106");
  const rows = page.getByTestId("stock-levels").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  let level = null;
  for (const row of await rows.all()) {
    if (Number(await row.locator("td").nth(8).textContent()) > 0) {
      level = row;
      break;
    }
  }
  expect(level, "a level with units available").not.toBeNull();
  const skuCode = ((await level!.locator("td").nth(1).textContent()) ?? "").trim();
  const openLevel = level!.getByRole("link", { name: "Open" });
  const levelHref = (await openLevel.getAttribute("href")) ?? "";

  // The admin sets the SKU's tier switch at exactly its pool: every channel still shares it.
  await page.goto("/admin/allocation");
  await page.getByRole("button", { name: "New tier rule" }).click();
  const rule = page.getByTestId("tier-rule-editor");
  await rule.locator('select[name="scope"]').selectOption("SKU");
  await rule.locator('input[name="skuCode"]').fill(skuCode);
  await rule.locator('input[name="threshold"]').fill("1");
  await rule.locator('select[name="strategy"]').selectOption("POLICY");
  await rule.getByRole("button", { name: "Preview" }).click();
  const pool = (await previewFigures(page)).find((f) => f.skuCode === skuCode)?.pool ?? 0;
  expect(pool).toBeGreaterThan(1);
  await rule.locator('input[name="threshold"]').fill(String(pool));
  await rule.getByRole("button", { name: "Preview" }).click();
  await expect(
    page.getByTestId(`preview-${skuCode}`).locator("[data-protected-after]"),
  ).toHaveAttribute("data-protected-after", "false");
  const shared = (await previewFigures(page)).find((f) => f.skuCode === skuCode)!;
  await rule.getByRole("button", { name: "Save" }).click();
  await expect(rule.getByRole("status")).toContainText("Saved");
  const feedShared = await feedSnapshot(baseURL ?? "", "TMALL");
  expect(feedShared.get(skuCode)).toBe(shared.channels.get("TMALL")?.after);

  // One damaged unit takes the pool below the threshold.
  await page.goto(levelHref);
  const form = page.getByRole("form", { name: "Adjust on hand" });
  await expect(form.getByRole("button", { name: "Book adjustment" })).toBeEnabled();
  await form.getByLabel("Change (+/−)").fill("-1");
  await form.getByLabel("Reason").selectOption("DAMAGE");
  await form.getByRole("button", { name: "Book adjustment" }).click();
  await expect(page.getByTestId("adjust-result")).toContainText("booked");

  // The preview of the same rule now shows the SKU protected: TMALL holds to its 30 % quota.
  await page.goto("/admin/allocation");
  await page.getByRole("button", { name: `Edit tier rule One SKU: ${skuCode}` }).click();
  const again = page.getByTestId("tier-rule-editor");
  await expect(again.locator('input[name="threshold"]')).toHaveValue(String(pool));
  await again.getByRole("button", { name: "Preview" }).click();
  const row = page.getByTestId(`preview-${skuCode}`);
  await expect(row.locator("[data-protected-now]")).toHaveAttribute("data-protected-now", "true");
  const guarded = (await previewFigures(page)).find((f) => f.skuCode === skuCode)!;
  expect(guarded.pool).toBe(pool - 1);
  const tmallShared = shared.channels.get("TMALL")?.after ?? 0;
  const tmallGuarded = guarded.channels.get("TMALL")?.now ?? 0;
  expect(tmallGuarded, "TMALL drops to its quota, more than the one unit taken").toBeLessThan(
    tmallShared - 1,
  );
  for (const [code, f] of guarded.channels) {
    expect(f.now, `${skuCode} ${code}`).toBeLessThanOrEqual(guarded.pool);
  }
  await page.screenshot({ path: test.info().outputPath("tier-protected.png"), fullPage: true });

  // The feeds carry the protected figures, within the feed's publication delay.
  for (const code of ["TMALL", "JD", "WEB"]) {
    await expect
      .poll(async () => (await feedSnapshot(baseURL ?? "", code)).get(skuCode) ?? 0, {
        message: `${code} ${skuCode}`,
        timeout: 15_000,
      })
      .toBe(guarded.channels.get(code)?.now);
  }
});
