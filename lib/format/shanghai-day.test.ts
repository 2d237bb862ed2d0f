import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { shanghaiDayOf } from "./shanghai-day";

describe("shanghaiDayOf", () => {
  it("turns at 16:00 UTC, midnight in Shanghai", () => {
    expect(shanghaiDayOf(new Date("2026-12-07T15:59:59.999Z"))).toBe("2026-12-07");
    expect(shanghaiDayOf(new Date("2026-12-07T16:00:00.000Z"))).toBe("2026-12-08");
    expect(shanghaiDayOf(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01");
    expect(shanghaiDayOf(new Date("2028-02-28T16:30:00.000Z"))).toBe("2028-02-29");
  });

  it("agrees with a zoned date-fns date across years, hour by hour", () => {
    const start = Date.parse("2025-01-01T00:00:00Z");
    for (let hour = 0; hour < 3 * 366 * 24; hour += 7) {
      const at = new Date(start + hour * 3_600_000 + 59 * 60_000);
      expect(shanghaiDayOf(at)).toBe(format(new TZDate(at, "Asia/Shanghai"), "yyyy-MM-dd"));
    }
  });
});
