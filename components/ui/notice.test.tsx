import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Notice } from "./notice";

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Notice", () => {
  it.each([
    ["error", "alert", "bg-red-50"],
    ["warning", "status", "bg-amber-50"],
    ["info", "status", "bg-sky-50"],
    ["success", "status", "bg-emerald-50"],
  ] as const)("a %s notice is announced as %s and coloured %s", (tone, role, cls) => {
    const markup = html(<Notice tone={tone}>Hello</Notice>);
    expect(markup).toMatch(new RegExp(`^<p role="${role}" class="[^"]*${cls}[^"]*">Hello</p>$`));
  });

  it("keeps the role a caller gives, or none when given null", () => {
    expect(
      html(
        <Notice tone="warning" role="alert">
          x
        </Notice>,
      ),
    ).toContain('role="alert"');
    expect(
      html(
        <Notice tone="error" role="status">
          x
        </Notice>,
      ),
    ).toContain('role="status"');
    expect(
      html(
        <Notice tone="warning" role={null}>
          x
        </Notice>,
      ),
    ).not.toContain("role=");
  });

  it("is a bordered box by default and one coloured line as text", () => {
    expect(html(<Notice tone="error">x</Notice>)).toContain("rounded-lg border p-3 text-sm");
    const line = html(
      <Notice tone="error" variant="text">
        x
      </Notice>,
    );
    expect(line).toContain('class="text-sm text-red-700"');
    expect(line).not.toContain("border");
  });

  it("renders as a div when it holds paragraphs of its own", () => {
    expect(
      html(
        <Notice tone="error" as="div">
          <p>a</p>
        </Notice>,
      ),
    ).toMatch(/^<div role="alert"[^>]*><p>a<\/p><\/div>$/);
  });

  it("passes test ids, ids and aria attributes through", () => {
    const markup = html(
      <Notice tone="info" data-testid="refunded" id="n" aria-live="polite" className="mt-4">
        x
      </Notice>,
    );
    expect(markup).toContain('data-testid="refunded"');
    expect(markup).toContain('id="n"');
    expect(markup).toContain('aria-live="polite"');
    expect(markup).toMatch(/class="[^"]* mt-4"/);
  });
});
