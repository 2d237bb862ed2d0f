import Link from "next/link";
import "./globals.css";

/** Reached only for paths the page rewrites leave alone; everything else uses app/[locale]/not-found. */
export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <section className="mx-auto max-w-md py-16 text-center">
          <p className="text-5xl font-black text-brand">404</p>
          <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
          <Link href="/" className="mt-6 inline-block underline">
            Back to the store
          </Link>
        </section>
      </body>
    </html>
  );
}
