import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ARTWORK_PATH, tintArtwork } from "./product-artwork";

// A dozen files of under 1 kB each, read once per process.
const drawings = new Map<string, Promise<string | null>>();

function readDrawing(imagePath: string): Promise<string | null> {
  let drawing = drawings.get(imagePath);
  if (!drawing) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", imagePath);
    drawing = readFile(file, "utf8").catch(() => null);
    drawings.set(imagePath, drawing);
  }
  return drawing;
}

/**
 * The product's drawing as inline SVG markup in the chosen colour, or null when the image is not
 * one of the shipped drawings (the page then shows it as a plain image).
 */
export async function productArtwork(imagePath: string, colorHex: string): Promise<string | null> {
  if (!ARTWORK_PATH.test(imagePath)) return null;
  const svg = await readDrawing(imagePath);
  return svg && svg.trimStart().startsWith("<svg") ? tintArtwork(svg, colorHex) : null;
}
