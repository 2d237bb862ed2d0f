"use client";

import { getSession, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { HOME_OF_ROLE, ROLES } from "@/lib/auth/roles";
import { SIGN_IN_ERRORS } from "@/lib/auth/validation";

type FormError = "invalid" | "limited" | "missing" | null;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<FormError>(null);
  const [pending, setPending] = useState(false);

  // onSubmit rather than a form action: a form action resets the fields, and a shopper who
  // mistyped the password should not have to type the email again.
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError("missing");
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      return setError(result?.error === SIGN_IN_ERRORS.limited ? "limited" : "invalid");
    }
    const session = await getSession();
    const role = ROLES.find((r) => r === session?.user?.role);
    router.replace(callbackUrl || (role ? HOME_OF_ROLE[role] : "/"));
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="mt-6 space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-medium">{t("email")}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-stone-300 px-3 py-2"
        />
      </label>
      {error ? (
        <p
          role="alert"
          data-testid="signin-error"
          className="rounded bg-red-50 p-2 text-sm text-red-700"
        >
          {t(`errors.${error}`)}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
