/**
 * A style's shipped artwork. The drawings are SVG files, which Next's image optimiser passes
 * through untouched, so a plain img shows them just as well without next/image's client code
 * on every catalogue page. The first pictures of a page load eagerly and first; the rest lazily.
 */
export function ProductPicture({
  src,
  size,
  eager = false,
  className,
}: {
  src: string;
  size: number;
  eager?: boolean;
  className?: string;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above: SVG artwork gains nothing from next/image
    <img
      src={src}
      alt=""
      width={size}
      height={size}
      loading={eager ? "eager" : "lazy"}
      fetchPriority={eager ? "high" : "auto"}
      decoding="async"
      className={className}
    />
  );
}
