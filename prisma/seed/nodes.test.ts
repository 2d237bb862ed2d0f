import { describe, expect, it } from "vitest";
import { CITIES, insideBounds } from "./cities";
import { buildNodes } from "./nodes";
import { buildPeople } from "./people";

const { rows, facts } = buildNodes();

describe("buildNodes", () => {
  it("has one central warehouse, two regional warehouses and 30 stores", () => {
    expect(rows.length).toBe(33);
    expect(rows.filter((n) => n.type === "CENTRAL_WAREHOUSE").length).toBe(1);
    expect(rows.filter((n) => n.type === "REGIONAL_WAREHOUSE").length).toBe(2);
    expect(
      rows.filter((n) => n.type === "STORE_DIRECT" || n.type === "STORE_FRANCHISE").length,
    ).toBe(30);
    expect(new Set(rows.map((n) => n.code)).size).toBe(33);
  });

  it("names the Shanghai flagship SH-001", () => {
    const flagship = rows.find((n) => n.code === "SH-001");
    expect(flagship).toMatchObject({
      name: "Shanghai Nanjing Road Flagship",
      nameZh: "上海南京路旗舰店",
      type: "STORE_DIRECT",
      offersPickup: true,
    });
  });

  it.each(Object.values(CITIES))("places every node of $name inside the city", (city) => {
    const inCity = facts.filter((n) => n.city === city.key);
    expect(inCity.length).toBeGreaterThanOrEqual(8);
    for (const node of inCity) {
      expect(insideBounds(city.bounds, node.latitude, node.longitude), node.code).toBe(true);
    }
  });

  it("mixes direct and franchise stores; franchise stores belong to a franchisee", () => {
    const franchise = rows.filter((n) => n.type === "STORE_FRANCHISE");
    expect(franchise.length).toBeGreaterThan(5);
    expect(rows.filter((n) => n.type === "STORE_DIRECT").length).toBeGreaterThan(5);
    expect(franchise.every((n) => n.organizationId.startsWith("org_FR-"))).toBe(true);
  });

  it("lets stores offer pickup, most same-city within 5–8 km, and warehouses ship express", () => {
    const stores = rows.filter((n) => n.type.startsWith("STORE"));
    expect(stores.every((s) => s.offersPickup)).toBe(true);
    const sameCity = stores.filter((s) => s.offersSameCity);
    expect(sameCity.length / stores.length).toBeGreaterThan(0.8);
    expect(
      sameCity.every((s) => (s.sameCityRadiusKm ?? 0) >= 5 && (s.sameCityRadiusKm ?? 0) <= 8),
    ).toBe(true);
    expect(rows.filter((n) => n.type.endsWith("WAREHOUSE")).every((w) => w.shipsExpress)).toBe(
      true,
    );
  });

  it("puts every member's home inside their city", () => {
    const { members } = buildPeople(facts, "hash");
    for (const m of members) {
      expect(
        insideBounds(CITIES[m.city].bounds, m.home.latitude, m.home.longitude),
        m.memberNo,
      ).toBe(true);
    }
  });
});
