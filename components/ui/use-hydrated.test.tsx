import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { useHydrated } from "./use-hydrated";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function Probe() {
  const hydrated = useHydrated();
  return <Button disabled={!hydrated}>{hydrated ? "ready" : "waiting"}</Button>;
}

/** Client files whose controls need no guard of their own, and why. */
const ACTS_THROUGH_PARENT: Record<string, string> = {
  "components/store/task-lines.tsx": "its ticks are disabled by the workbench's pending",
  "app/global-error.tsx": "renders when the root layout failed: no app imports",
  "components/catalogue/city-district-select.tsx":
    "selects of a plain GET form, which submits natively before hydration",
  "components/admin/allocation/scope-fields.tsx":
    "its controls take the editor's runner.disabled (use-change-runner.ts guards it)",
  "components/admin/products/sku-fields.tsx":
    "rendered inside the product forms' fieldset, disabled until hydrated",
  "components/admin/products/style-fields.tsx":
    "rendered inside the product forms' fieldset, disabled until hydrated",
  "components/store/returns/return-panel.tsx":
    "its controls take the counter's busy (use-counter-action.ts guards it)",
  "components/store/returns/walk-in-form.tsx":
    "its controls take the counter's busy (use-counter-action.ts guards it)",
  "components/store/returns/decision-fields.tsx":
    "its controls take the panel's or walk-in form's disabled, the counter's busy",
};

/** Hooks that guard the controls of the files importing them (they call useHydrated). */
const GUARD_HOOKS = [
  "components/admin/allocation/use-change-runner",
  "components/admin/use-console-action",
  "components/store/returns/use-counter-action",
];

function importsGuard(path: string, text: string): boolean {
  if (text.includes('from "@/components/ui/use-hydrated"')) return true;
  return GUARD_HOOKS.some(
    (hook) =>
      text.includes(`from "@/${hook}"`) ||
      (path.startsWith(hook.slice(0, hook.lastIndexOf("/") + 1)) &&
        text.includes(`from "./${hook.slice(hook.lastIndexOf("/") + 1)}"`)),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

describe("useHydrated", () => {
  it("is false in the server's HTML, so a control it guards is shown disabled until React runs", () => {
    expect(renderToStaticMarkup(<Probe />)).toBe(
      renderToStaticMarkup(<Button disabled>waiting</Button>),
    );
    expect(renderToStaticMarkup(<Probe />)).toContain('disabled=""');
  });

  it("has guard hooks that really call useHydrated", () => {
    for (const hook of GUARD_HOOKS) {
      expect(readFileSync(join(ROOT, `${hook}.ts`), "utf8"), hook).toContain("useHydrated()");
    }
  });

  it("guards every client control that acts on a click, a change or a submit", () => {
    const unguarded = [...sourceFiles(join(ROOT, "components")), ...sourceFiles(join(ROOT, "app"))]
      .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }))
      .filter(({ text }) => text.startsWith('"use client"'))
      .filter(({ text }) => /\bon(Click|Change|Submit)=|<form action=\{/.test(text))
      .filter(({ path }) => !(path in ACTS_THROUGH_PARENT))
      .filter(({ path, text }) => !importsGuard(path, text))
      .map(({ path }) => path);
    expect(unguarded).toEqual([]);
  });
});
