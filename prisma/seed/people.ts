import type { Prisma } from "@/lib/generated/prisma/client";
import { CITIES, offsetKm, type CityKey } from "./cities";
import { FAMILY_NAMES, GIVEN_NAMES } from "./names";
import type { NodeFacts } from "./nodes";
import { nodeId } from "./nodes";
import { BRAND_ORG, organizationId } from "./organisations";
import { createRandom } from "./random";

/** The password of every seeded account (documented in the README). */
export const DEMO_PASSWORD = "onepool-demo";
const DAY_MS = 86_400_000;

/** A member who shops in the history: where they live and how often they buy. */
export type MemberFacts = {
  id: string;
  userId: string;
  memberNo: string;
  name: string;
  phone: string;
  city: CityKey;
  homeStoreId: string;
  home: { latitude: number; longitude: number };
  addressLine: string;
  /** Relative number of orders. */
  activity: number;
  joinedDaysAgo: number;
  /** The demo consumer keeps an unused welcome coupon, so the history never spends it. */
  isDemoConsumer: boolean;
};

export type People = {
  users: Prisma.UserCreateManyInput[];
  quotaPolicies: Prisma.EmployeeQuotaPolicyCreateManyInput[];
  employees: Prisma.EmployeeCreateManyInput[];
  members: MemberFacts[];
};

const ORDINARY_MEMBERS = 150;
const CITY_SHARE: Record<CityKey, number> = { SH: 0.45, BJ: 0.35, GZ: 0.2 };

/** The demo accounts of every role and the ~150 members behind the order history. */
export function buildPeople(stores: readonly NodeFacts[], passwordHash: string): People {
  const random = createRandom("people");
  const user = (
    id: string,
    email: string,
    name: string,
    role: Prisma.UserCreateManyInput["role"],
    extra: Partial<Prisma.UserCreateManyInput> = {},
  ) => ({ id, email, name, role, passwordHash, ...extra }) satisfies Prisma.UserCreateManyInput;
  const users: Prisma.UserCreateManyInput[] = [
    user("usr_admin", "admin@onepool.dev", "Chen Jing", "ADMIN"),
    user("usr_consumer", "consumer@onepool.dev", "Li Wei", "CONSUMER"),
    user("usr_employee", "employee@onepool.dev", "Wang Fang", "EMPLOYEE"),
    user("usr_employee_mgr", "employee.mgr@onepool.dev", "Zhou Min", "EMPLOYEE"),
    user("usr_staff", "staff@onepool.dev", "Zhao Lei", "STORE_STAFF", {
      storeNodeId: nodeId("SH-001"),
    }),
    user("usr_staff_bj", "staff.bj@onepool.dev", "Sun Yue", "STORE_STAFF", {
      storeNodeId: nodeId("BJ-001"),
    }),
    // A franchisee's store: its staff see their own organisation's settlement statement only.
    user("usr_staff_franchise", "staff.franchise@onepool.dev", "Qian Hao", "STORE_STAFF", {
      storeNodeId: nodeId("SH-006"),
    }),
  ];
  const quotaPolicies = [
    {
      id: "eqp_standard",
      name: "Standard staff allowance",
      period: "MONTH" as const,
      maxUnits: 10,
      maxSpend: 300_000,
      maxPerSku: 2,
      discountBps: 5000,
    },
    {
      id: "eqp_manager",
      name: "Manager allowance",
      period: "QUARTER" as const,
      maxUnits: 20,
      maxSpend: 800_000,
      maxPerSku: 3,
      discountBps: 4000,
    },
  ];
  const employees = [
    {
      id: "emp_E10001",
      employeeNo: "E10001",
      userId: "usr_employee",
      organizationId: organizationId(BRAND_ORG),
      quotaPolicyId: "eqp_standard",
    },
    {
      id: "emp_E10002",
      employeeNo: "E10002",
      userId: "usr_employee_mgr",
      organizationId: organizationId(BRAND_ORG),
      quotaPolicyId: "eqp_manager",
    },
  ];

  const storesIn = (city: CityKey) => stores.filter((s) => s.kind === "STORE" && s.city === city);
  const memberAt = (
    index: number,
    who: { city: CityKey; homeStore: NodeFacts; name: string; userId: string; activity: number },
  ): MemberFacts => {
    const { city, homeStore } = who;
    const home = offsetKm(homeStore, random.between(0.4, 4.5), random.between(0, 2 * Math.PI));
    const street = random.pick(CITIES[city].streets);
    return {
      id: `mem_${String(index).padStart(3, "0")}`,
      userId: who.userId,
      memberNo: `M${10_000_000 + index}`,
      name: who.name,
      phone: `1${random.pick(["36", "39", "58", "86", "88"])}${String(random.int(0, 99_999_999)).padStart(8, "0")}`,
      city,
      homeStoreId: homeStore.id,
      home,
      addressLine: `${random.int(1, 999)} ${street}, Apt ${random.int(1, 30)}0${random.int(1, 4)}`,
      activity: who.activity,
      joinedDaysAgo: random.int(130, 900),
      isDemoConsumer: who.userId === "usr_consumer",
    };
  };

  const flagship = stores.find((s) => s.code === "SH-001");
  if (!flagship) throw new Error("the Shanghai flagship is missing");
  const members: MemberFacts[] = [
    memberAt(1, {
      city: "SH",
      homeStore: flagship,
      name: "Li Wei",
      userId: "usr_consumer",
      activity: 1.2,
    }),
  ];
  const taken = new Set(["li.wei"]);
  for (let i = 1; i <= ORDINARY_MEMBERS; i++) {
    const city = random.weighted(["SH", "BJ", "GZ"] as const, (c) => CITY_SHARE[c]);
    const homeStore = random.weighted(storesIn(city), (s) => s.traffic);
    const [family] = random.pick(FAMILY_NAMES);
    const given = random.pick(GIVEN_NAMES);
    let handle = `${family}.${given}`.toLowerCase();
    // Two members with the same name get a number, as a real sign-up form would force.
    for (let n = 2; taken.has(handle); n++) handle = `${family}.${given}${n}`.toLowerCase();
    taken.add(handle);
    const userId = `usr_m${String(i).padStart(3, "0")}`;
    const name = `${family} ${given}`;
    // A few loyal members buy a lot; most buy now and then.
    const activity = 0.25 + 3 * random.next() ** 3;
    users.push(user(userId, `${handle}@members.onepool.dev`, name, "CONSUMER"));
    members.push(memberAt(i + 1, { city, homeStore, name, userId, activity }));
  }
  return { users, quotaPolicies, employees, members };
}

/** When a member joined, relative to the seed run. */
export function memberJoinedAt(member: MemberFacts, now: Date): Date {
  return new Date(now.getTime() - member.joinedDaysAgo * DAY_MS);
}
