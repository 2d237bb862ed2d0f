import type { MessagePart } from "./types";

type Segment =
  { text: string } | { param: string } | { plural: string; branches: Map<string, Segment[]> };

/** Index of the brace closing the one at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

// `=0 {…} one {…} other {…}` → branch name → parsed branch.
function parseBranches(options: string): Map<string, Segment[]> {
  const branches = new Map<string, Segment[]>();
  let i = 0;
  while (i < options.length) {
    const open = options.indexOf("{", i);
    const close = open < 0 ? -1 : closingBrace(options, open);
    if (close < 0) break;
    branches.set(options.slice(i, open).trim(), parse(options.slice(open + 1, close)));
    i = close + 1;
  }
  return branches;
}

function parse(template: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    const close = open < 0 ? -1 : closingBrace(template, open);
    if (close < 0) {
      segments.push({ text: template.slice(i) });
      break;
    }
    if (open > i) segments.push({ text: template.slice(i, open) });
    const [name = "", kind, ...rest] = template.slice(open + 1, close).split(",");
    if (kind?.trim() === "plural")
      segments.push({ plural: name.trim(), branches: parseBranches(rest.join(",")) });
    else segments.push({ param: name.trim() });
    i = close + 1;
  }
  return segments;
}

// Templates are parsed once: explanations render thousands of reasons per second.
const parsed = new Map<string, Segment[]>();

function render(
  segments: readonly Segment[],
  params: MessagePart["params"],
  nested: (part: MessagePart) => string,
  count?: number,
): string {
  let out = "";
  for (const segment of segments) {
    if ("text" in segment) {
      out += count === undefined ? segment.text : segment.text.replaceAll("#", String(count));
    } else if ("param" in segment) {
      const value = params[segment.param];
      if (value === undefined) out += `{${segment.param}}`;
      else out += typeof value === "object" ? nested(value) : String(value);
    } else {
      const value = params[segment.plural];
      const n = typeof value === "number" ? value : Number.NaN;
      const branch =
        segment.branches.get(`=${n}`) ??
        (n === 1 ? segment.branches.get("one") : undefined) ??
        segment.branches.get("other") ??
        [];
      out += render(branch, params, nested, n);
    }
  }
  return out;
}

/** Fills an ICU-style template (`{name}`, `{n, plural, one {# item} other {# items}}`). */
export function renderTemplate(
  template: string,
  params: MessagePart["params"],
  nested: (part: MessagePart) => string,
): string {
  let segments = parsed.get(template);
  if (!segments) {
    segments = parse(template);
    parsed.set(template, segments);
  }
  return render(segments, params, nested);
}
