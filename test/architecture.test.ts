import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layout rules of ARCHITECTURE.md, checked on the source so that they cannot drift.

const ROOT = path.resolve(import.meta.dirname, "..");
/** Folders under lib/ that every domain may import and that import no domain. */
const SHARED = new Set(["db", "errors", "validation", "format", "generated", "env.ts"]);
/**
 * Besides server actions, route handlers, pages and scripts, the only places that open the
 * process's database handle: cached reads (a handle cannot be part of a cache key), the
 * background loops the server starts, and the sign-in callback.
 */
const DB_EDGES = new Set([
  "lib/catalogue/load-catalogue.server.ts",
  "lib/catalogue/pickup-store-stock.server.ts",
  "lib/feed/feed-publisher.server.ts",
  "lib/sweeps/order-sweeper.server.ts",
  "lib/auth/options.server.ts",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return rel === "lib/generated" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const isTestSupport = (file: string) =>
  /\.(test|contract|test-gate)\.tsx?$|\/testing\/|\/test-[\w-]+\.ts$|-test-support\.ts$/.test(file);

function importsOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
}

/** The lib/ folder (or top-level file) an import lands in, or null outside lib/. */
function libFolderOf(fromFile: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("@/lib/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.join(path.dirname(fromFile), specifier);
  else return null;
  const parts = target.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? `${parts[1]}.ts`.replace(/\.ts\.ts$/, ".ts") : parts[1]!;
}

function domainGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles("lib").filter((f) => !isTestSupport(f))) {
    const from = file.split("/")[1]!;
    for (const specifier of importsOf(file)) {
      const to = libFolderOf(file, specifier);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${specifier}`]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle between lib folders, as the path of folders that closes it. */
function folderCycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const cycles: string[][] = [];
  const visit = (node: string, trail: string[]) => {
    for (const next of graph.get(node)?.keys() ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) {
        const cycle = [...trail.slice(at), next];
        // Report each cycle once, from its alphabetically first folder.
        if (cycle[0] === [...cycle].sort()[0]) cycles.push(cycle);
      } else visit(next, [...trail, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return cycles;
}

/** Files that write those tables but no field a catalogue read caches, and why. */
const NOT_CATALOGUE_WRITES = new Map([
  ["lib/reservations/release-reservation.server.ts", "presaleSold: presale capacity, read fresh"],
]);

describe("architecture", () => {
  const graph = domainGraph();

  it("has no import cycle between lib folders", () => {
    expect(folderCycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const fake = new Map([
      ["orders", new Map([["payments", ["x"]]])],
      ["payments", new Map([["orders", ["y"]]])],
    ]);
    expect(folderCycles(fake)).toEqual([["orders", "payments", "orders"]]);
  });

  it("keeps the shared layer free of domain imports", () => {
    const offending = [...graph.entries()]
      .filter(([from]) => SHARED.has(from))
      .flatMap(([, edges]) => [...edges.entries()].filter(([to]) => !SHARED.has(to)))
      .flatMap(([, where]) => where);
    expect(offending).toEqual([]);
  });

  it("declares server actions only in lib/<domain>/actions.ts", () => {
    const serverFiles = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")]
      .filter((f) => /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8")))
      .filter((f) => !/^lib\/[\w-]+\/actions\.ts$/.test(f));
    expect(serverFiles).toEqual([]);
  });

  it("imports nothing from app/ into components or lib", () => {
    const offending = [...sourceFiles("components"), ...sourceFiles("lib")].filter((f) =>
      importsOf(f).some((s) => s.startsWith("@/app/")),
    );
    expect(offending).toEqual([]);
  });

  it("never queries the database from a page, layout or route handler", () => {
    const query =
      /\b\w+\.(\w+)\.(findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|update|updateMany|upsert|delete|deleteMany|aggregate|count|groupBy)\(|\$(queryRaw|executeRaw|transaction)/;
    const offending = sourceFiles("app")
      .filter((f) => !isTestSupport(f))
      .filter((f) => query.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(offending).toEqual([]);
  });

  it("passes the database handle one way: a required first argument named db or tx", () => {
    const domainSources = sourceFiles("lib").filter(
      (f) => !isTestSupport(f) && !f.startsWith("lib/db/") && !f.startsWith("lib/generated/"),
    );
    // `prisma` was the name of the old optional option; the handle is `db` (client or
    // transaction) or `tx` (only inside a transaction), always the first parameter.
    const otherWays = [
      /\bprisma\??\s*[:,}]|\{\s*prisma\b/, // the old name, as an option or a parameter
      /\b(db|tx)\?:/, // an optional handle, defaulting to a global one
      /[{;,]\s*(db|tx):\s*(Db|Tx)\b/, // a handle inside an options object, or not first
    ];
    const named = domainSources.filter((f) => {
      const source = readFileSync(path.join(ROOT, f), "utf8");
      return otherWays.some((pattern) => pattern.test(source));
    });
    expect(named).toEqual([]);
  });

  it("opens the database only at the edges", () => {
    const opensDb = sourceFiles("lib")
      .filter((f) => !isTestSupport(f) && !f.startsWith("lib/db/"))
      .filter((f) => importsOf(f).includes("@/lib/db/client.server"))
      .filter((f) => !/^lib\/[\w-]+\/actions\.ts$/.test(f) && !DB_EDGES.has(f));
    expect(opensDb).toEqual([]);
  });

  it("revalidates the catalogue's cache tags wherever catalogue data is written", () => {
    // Products, SKUs, prices, bundles and categories are cached under CATALOGUE_TAG, pickup
    // stores under STORES_TAG: a runtime write to them must revalidate the tag in the same file.
    const catalogueWrite =
      /\.(product|sku|category|channelPrice|bundleComponent|node)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(/;
    const unrevalidated = [...sourceFiles("lib"), ...sourceFiles("app")]
      .filter((f) => !isTestSupport(f) && !NOT_CATALOGUE_WRITES.has(f))
      .filter((f) => {
        const source = readFileSync(path.join(ROOT, f), "utf8");
        return (
          catalogueWrite.test(source) && !/revalidateTag\((CATALOGUE_TAG|STORES_TAG)/.test(source)
        );
      });
    expect(unrevalidated).toEqual([]);
  });
});
