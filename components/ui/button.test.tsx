import { createRef } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Button", () => {
  it("is a plain button unless told otherwise, so it never submits its form by accident", () => {
    expect(html(<Button>Go</Button>)).toMatch(/^<button type="button" class="[^"]*">Go<\/button>$/);
    expect(html(<Button type="submit">Go</Button>)).toContain('type="submit"');
  });

  it.each([
    ["primary", "bg-ink"],
    ["secondary", "border-stone-300"],
    ["success", "bg-emerald-700"],
    ["danger", "bg-red-700"],
    ["link", "underline"],
  ] as const)("the %s variant carries %s", (variant, cls) => {
    expect(html(<Button variant={variant}>Go</Button>)).toContain(cls);
  });

  it("is primary and medium by default", () => {
    const markup = html(<Button>Go</Button>);
    expect(markup).toContain("bg-ink");
    expect(markup).toContain("px-4 py-2 text-sm");
  });

  it.each([
    ["sm", "px-3 py-1.5 text-sm"],
    ["md", "px-4 py-2 text-sm"],
    ["lg", "px-6 py-3"],
    ["icon", "h-9 w-9"],
  ] as const)("size %s pads it with %s", (size, cls) => {
    expect(html(<Button size={size}>Go</Button>)).toContain(cls);
  });

  it("gives a link-looking button no padding, whatever the size", () => {
    const markup = html(
      <Button variant="link" size="lg">
        Remove
      </Button>,
    );
    expect(markup).not.toContain("px-");
    expect(markup).toContain("text-sm");
  });

  it("appends the caller's layout classes after its own", () => {
    expect(html(<Button className="w-full sm:w-auto">Go</Button>)).toMatch(
      /class="[^"]* w-full sm:w-auto"/,
    );
  });

  it("passes every native attribute through", () => {
    const markup = html(
      <Button
        type="submit"
        disabled
        form="checkout"
        name="intent"
        value="pay"
        aria-label="Pay now"
        aria-describedby="hint"
        data-testid="pay"
        id="pay-button"
      >
        Pay
      </Button>,
    );
    for (const attribute of [
      'type="submit"',
      'disabled=""',
      'form="checkout"',
      'name="intent"',
      'value="pay"',
      'aria-label="Pay now"',
      'aria-describedby="hint"',
      'data-testid="pay"',
      'id="pay-button"',
    ]) {
      expect(markup).toContain(attribute);
    }
  });

  it("accepts a ref as a prop", () => {
    const ref = createRef<HTMLButtonElement>();
    expect(html(<Button ref={ref}>Go</Button>)).toContain("<button");
  });
});
