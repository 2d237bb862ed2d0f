import { describe, expect, it, vi } from "vitest";

// Pages hand their path segments to database reads. A segment that cannot name a row (U+0000,
// malformed percent-encoding, an unpaired surrogate) must end in the not-found page before any
// session or database work: both stand-ins here fail the test if they are reached.
vi.mock("@/lib/auth/session.server", () => ({
  getSessionUser: async () => {
    throw new Error("the session was read for an unusable segment");
  },
  requirePageRole: async () => {
    throw new Error("the role was checked for an unusable segment");
  },
}));
vi.mock("@/lib/db/client.server", () => ({
  getDb: async () => {
    throw new Error("the database was opened for an unusable segment");
  },
}));

// The language setter needs a React server request; the locale itself is not under test.
vi.mock("@/i18n/segment-locale", () => ({
  segmentLocale: async (params: Promise<{ locale: string }>) => (await params).locale,
  renderOnFirstVisit: () => [],
}));

type Page = (props: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string>>;
}) => Promise<unknown>;

// The return and product pages percent-decode their segment, so encoded forms reach them too.
const PAGES: [string, string, boolean, () => Promise<{ default: unknown }>][] = [
  [
    "the return request page",
    "orderNo",
    true,
    () => import("@/app/[locale]/(shop)/account/orders/[orderNo]/return/page"),
  ],
  [
    "the shopper's order page",
    "orderNo",
    false,
    () => import("@/app/[locale]/(buy)/orders/[orderNo]/page"),
  ],
  [
    "the demo payment page",
    "orderNo",
    false,
    () => import("@/app/[locale]/(buy)/checkout/pay/[orderNo]/page"),
  ],
  [
    "the admin order page",
    "orderNo",
    false,
    () => import("@/app/[locale]/(admin)/admin/orders/[orderNo]/page"),
  ],
  [
    "the product page",
    "styleCode",
    true,
    () => import("@/app/[locale]/(shop)/products/[styleCode]/page"),
  ],
  [
    "the product page with a selection",
    "styleCode",
    true,
    () => import("@/app/[locale]/(shop)/products/[styleCode]/selected/page"),
  ],
  [
    "the store task page",
    "id",
    false,
    () => import("@/app/[locale]/(store)/store/tasks/[id]/page"),
  ],
];

const UNUSABLE = ["ORD\u00001", "\u0000", "ORD\uD800", "\uDC00x", "x".repeat(300), " "];
const UNUSABLE_ENCODED = ["%00", "ORD%001", "%E0%A4%A", "%ED%A0%80", "100%"];

describe.each(PAGES)("%s", (_label, param, decodes, load) => {
  const values = decodes ? [...UNUSABLE, ...UNUSABLE_ENCODED] : UNUSABLE;
  it.each(values.map((v) => [JSON.stringify(v).slice(0, 30), v]))(
    "answers not found for %s without touching the session or the database",
    async (_shown, value) => {
      const page = (await load()).default as Page;
      const rendering = page({
        params: Promise.resolve({ locale: "en", [param]: value }),
        searchParams: Promise.resolve({}),
      });
      await expect(rendering).rejects.toMatchObject({
        digest: expect.stringContaining("404"),
      });
    },
  );
});

describe("the product page's title", () => {
  it.each(["%E0%A4%A", "%00", "\u0000"])("is empty for the unusable segment %j", async (value) => {
    const { generateMetadata } = await import("@/app/[locale]/(shop)/products/[styleCode]/page");
    await expect(
      generateMetadata({ params: Promise.resolve({ locale: "en", styleCode: value }) }),
    ).resolves.toEqual({});
  });
});
