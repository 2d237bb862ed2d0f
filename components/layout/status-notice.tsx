"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

type Namespace = "errors" | "catalogue";

/**
 * The text of the store's 404 and 403 boundaries. One client module for all of them, so a page
 * loads one small script for its boundaries, not one per boundary. It is a client component
 * because the boundaries get no [locale] param: the language comes from the messages the
 * layout handed to the browser, which keeps cached pages cached.
 */
export function StatusNotice(props: {
  namespace: Namespace;
  status?: string;
  title: string;
  body?: string;
  href: string;
  link: string;
  testId?: string;
}) {
  const t = useTranslations(props.namespace);
  return (
    <section className="mx-auto max-w-md space-y-3 py-16 text-center" data-testid={props.testId}>
      {props.status ? <p className="text-5xl font-black text-brand">{props.status}</p> : null}
      <h1 className="text-2xl font-bold">{t(props.title)}</h1>
      {props.body ? <p className="text-stone-600">{t(props.body)}</p> : null}
      <Link
        href={props.href}
        className="inline-block rounded-full bg-ink px-5 py-2 font-semibold text-white"
      >
        {t(props.link)}
      </Link>
    </section>
  );
}
