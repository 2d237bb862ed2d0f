import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Input, Textarea } from "./input";
import { Select } from "./select";

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Input, Textarea and Select", () => {
  it("share one bordered look, roomy in forms and compact in tables", () => {
    for (const markup of [
      html(<Input />),
      html(<Textarea />),
      html(
        <Select>
          <option>a</option>
        </Select>,
      ),
    ]) {
      expect(markup).toContain("rounded-lg border border-stone-300 bg-white px-3 py-2");
    }
    expect(html(<Input compact />)).toContain("px-2 py-1.5 text-sm");
    expect(html(<Select compact />)).toContain("px-2 py-1.5 text-sm");
    expect(html(<Textarea compact />)).toContain("px-2 py-1.5 text-sm");
  });

  it("does not write `compact` into the page", () => {
    expect(html(<Input compact />)).not.toContain("compact");
  });

  it("passes native attributes through", () => {
    const input = html(
      <Input
        type="number"
        name="quantity"
        id="qty"
        min={1}
        max={20}
        required
        disabled
        inputMode="numeric"
        aria-label="Quantity"
        aria-describedby="qty-error"
        data-testid="qty"
        defaultValue={3}
        className="w-16"
      />,
    );
    for (const attribute of [
      'type="number"',
      'name="quantity"',
      'id="qty"',
      'min="1"',
      'max="20"',
      'required=""',
      'disabled=""',
      'inputMode="numeric"',
      'aria-label="Quantity"',
      'aria-describedby="qty-error"',
      'data-testid="qty"',
      'value="3"',
    ]) {
      expect(input).toContain(attribute);
    }
    expect(input).toMatch(/class="[^"]* w-16"/);

    const select = html(
      <Select name="status" aria-label="Status" defaultValue="b">
        <option value="a">A</option>
        <option value="b">B</option>
      </Select>,
    );
    expect(select).toContain('name="status"');
    expect(select).toContain('aria-label="Status"');
    expect(select).toContain('<option value="b" selected="">B</option>');

    const textarea = html(<Textarea name="reason" maxLength={500} rows={2} required />);
    expect(textarea).toContain('name="reason"');
    expect(textarea).toContain('maxLength="500"');
    expect(textarea).toContain('rows="2"');
  });
});
