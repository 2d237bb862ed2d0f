import { describe, expect, it } from "vitest";
import { ARTWORK_PATH, luminance, tintArtwork } from "./product-artwork";

const drawing =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" role="img" aria-label="Running shoe"><rect fill="#F3F4F6"/><g fill="none" stroke="#6B7280"><path d="M0 0"/></g></svg>';

describe("tintArtwork", () => {
  it("outlines the drawing in the chosen colour and hides it from screen readers", () => {
    const tinted = tintArtwork(drawing, "#1F2A44");
    expect(tinted).toContain('stroke="#1F2A44"');
    expect(tinted).not.toContain("#6B7280");
    expect(tinted).not.toContain('role="img"');
    expect(tinted).toContain('aria-hidden="true"');
  });

  it("keeps the grey outline for pale colours and for anything that is not a colour", () => {
    expect(tintArtwork(drawing, "#F5F5F5")).toContain('stroke="#6B7280"');
    expect(tintArtwork(drawing, 'red" onload="x')).toContain('stroke="#6B7280"');
  });

  it("measures luminance from black to white", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
  });

  it("accepts only shipped drawings as artwork paths", () => {
    expect(ARTWORK_PATH.test("/products/running-shoes.svg")).toBe(true);
    expect(ARTWORK_PATH.test("/products/../../etc/passwd.svg")).toBe(false);
    expect(ARTWORK_PATH.test("https://example.com/x.svg")).toBe(false);
  });
});
