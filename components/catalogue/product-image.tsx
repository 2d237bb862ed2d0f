import { productArtwork } from "@/lib/catalogue/product-artwork.server";
import { ProductPicture } from "./product-picture";

/**
 * A style's large picture in the chosen colour, on the shop's and the employee store's product
 * pages alike.
 */
export async function ProductImage(props: { imagePath: string; colorHex: string; label: string }) {
  const artwork = await productArtwork(props.imagePath, props.colorHex);
  return (
    <div
      role="img"
      aria-label={props.label}
      className="relative aspect-square overflow-hidden rounded-2xl bg-stone-100"
      data-testid="product-image"
    >
      {artwork ? (
        // The shipped drawing inline, outlined in the chosen colour: no extra request before it paints.
        <div
          className="h-full w-full p-10 [&>svg]:h-full [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: artwork }}
        />
      ) : (
        <ProductPicture
          src={props.imagePath}
          size={480}
          eager
          className="h-full w-full object-contain p-10"
        />
      )}
    </div>
  );
}
