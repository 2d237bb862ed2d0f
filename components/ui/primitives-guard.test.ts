import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Raw controls that stay raw, and why. Everything else uses `components/ui` (Button, Input,
 * Textarea, Select), so screens keep one look without copying class strings.
 */
const ALLOWED: Record<string, { kinds: string[]; why: string }> = {
  "app/global-error.tsx": {
    kinds: ["button"],
    why: "renders when the root layout failed: no stylesheet and no app imports",
  },
  "components/checkout/checkout-form.tsx": {
    kinds: ['input type="radio"', 'input type="checkbox"'],
    why: "the browser's radio inside a method or store card (the card is the look), and the stores filter's tick box beside its text",
  },
  "components/account/return-form.tsx": {
    kinds: ['input type="radio"'],
    why: "the browser's radio beside its text, nothing to style",
  },
  "components/store/aisle-order-form.tsx": {
    kinds: ['input type="radio"'],
    why: "the browser's radio beside its text, nothing to style",
  },
  "components/store/task-lines.tsx": {
    kinds: ['input type="checkbox"'],
    why: "a large tick box in a picking row, sized by the row",
  },
  "components/admin/routing-rules-form.tsx": {
    kinds: ['input type="checkbox"'],
    why: "the browser's tick box in a table cell",
  },
  "components/admin/allocation/policy-editor.tsx": {
    kinds: ['input type="checkbox"'],
    why: "the browser's tick box beside its label",
  },
  "components/admin/allocation/tier-rule-editor.tsx": {
    kinds: ['input type="checkbox"'],
    why: "the browser's tick box beside its label",
  },
  "components/admin/nodes/node-form.tsx": {
    kinds: ['input type="checkbox"'],
    why: "the browser's tick box beside its label",
  },
  "components/admin/products/presale-form.tsx": {
    kinds: ['input type="checkbox"'],
    why: "the browser's tick box beside its label",
  },
  "components/admin/employee-policy-table.tsx": {
    kinds: ['input type="checkbox"'],
    why: "the browser's tick box in a table cell",
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

/** Each raw control in a file as "kind" and line, an input's kind naming its literal type. */
function rawControls(source: string): { kind: string; line: number }[] {
  const found: { kind: string; line: number }[] = [];
  for (const match of source.matchAll(/<(button|select|textarea|input)[\s>/]/g)) {
    const tag = match[1] ?? "";
    let kind = tag;
    if (tag === "input") {
      const end = source.indexOf("/>", match.index);
      const type = /\btype="([a-z]+)"/.exec(source.slice(match.index, end))?.[1];
      // A hidden input carries a value, not a look.
      if (type === "hidden") continue;
      if (type) kind = `input type="${type}"`;
    }
    found.push({ kind, line: source.slice(0, match.index).split("\n").length });
  }
  return found;
}

describe("UI primitives guard", () => {
  const files = ["app", "components"]
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .map((path) => relative(ROOT, path).split("\\").join("/"))
    .filter((path) => !path.startsWith("components/ui/"));

  it("finds the pages and components to check", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain("app/global-error.tsx");
  });

  it("has no raw button, select, text area or visible input outside components/ui", () => {
    const offences = files.flatMap((path) =>
      rawControls(readFileSync(join(ROOT, path), "utf8"))
        .filter(({ kind }) => !ALLOWED[path]?.kinds.includes(kind))
        .map(({ kind, line }) => `${path}:${line} <${kind}>`),
    );
    expect(offences).toEqual([]);
  });

  it("lists no allowance that is no longer needed", () => {
    const unused = Object.entries(ALLOWED).flatMap(([path, { kinds }]) => {
      const present = new Set(
        rawControls(readFileSync(join(ROOT, path), "utf8")).map((c) => c.kind),
      );
      return kinds.filter((kind) => !present.has(kind)).map((kind) => `${path} <${kind}>`);
    });
    expect(unused).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const kinds = (source: string) => rawControls(source).map((c) => c.kind);
    expect(kinds('<button type="button">x</button>')).toEqual(["button"]);
    expect(kinds('<select\n  name="a">')).toEqual(["select"]);
    expect(kinds('<textarea name="b" />')).toEqual(["textarea"]);
    expect(kinds('<input name="q" onChange={(e) => set(e.target.value)} />')).toEqual(["input"]);
    expect(kinds('<input type="hidden" name="size" value={size} />')).toEqual([]);
    expect(kinds('<input\n  type="radio"\n  name="m" />')).toEqual(['input type="radio"']);
    expect(kinds("<Button>x</Button> <Input /> <Select /> <Textarea />")).toEqual([]);
  });
});
