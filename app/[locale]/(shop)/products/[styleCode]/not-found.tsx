import { StatusNotice } from "@/components/layout/status-notice";

/** An unknown style code, or a style no longer sold online. */
export default function ProductNotFound() {
  return (
    <StatusNotice
      namespace="catalogue"
      title="notFoundTitle"
      body="notFoundBody"
      href="/shop"
      link="backToShop"
    />
  );
}
