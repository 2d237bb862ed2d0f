import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, FieldError } from "./field";
import { Input } from "./input";

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Field", () => {
  it("wraps the control in its label, so the label text names the control", () => {
    const markup = html(
      <Field label="Address">
        <Input name="addressLine" />
      </Field>,
    );
    expect(markup).toMatch(
      /^<div class="text-sm"><label class="block"><span[^>]*>Address<\/span><input /,
    );
    expect(markup).not.toContain("text-red-700");
  });

  it("puts the error outside the label, under the id the control points at", () => {
    const markup = html(
      <Field label="Address" error="Too short" errorId="address-error" className="sm:col-span-2">
        <Input name="addressLine" aria-describedby="address-error" />
      </Field>,
    );
    expect(markup).toContain('<div class="text-sm sm:col-span-2">');
    expect(markup).toMatch(
      /<\/label><p id="address-error" class="mt-1 text-sm text-red-700">Too short<\/p><\/div>$/,
    );
    expect(markup).toContain('aria-describedby="address-error"');
  });
});

describe("FieldError", () => {
  it("is a small red line that passes role and id through", () => {
    expect(
      html(
        <FieldError id="e" role="alert">
          Required
        </FieldError>,
      ),
    ).toBe('<p id="e" role="alert" class="mt-1 text-sm text-red-700">Required</p>');
  });
});
