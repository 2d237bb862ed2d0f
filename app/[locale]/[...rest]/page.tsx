import { notFound } from "next/navigation";

/** Any other path: the localized 404 inside the store's layout. */
export default function UnknownPage() {
  notFound();
}
