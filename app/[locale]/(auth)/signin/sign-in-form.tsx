"use client";

import { getSession, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { HOME_OF_ROLE, ROLES } from "@/lib/auth/roles";
import { signInRefusal } from "@/lib/auth/validation";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const refusal = useLocalizeRefusal();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  // onSubmit rather than a form action: a form action resets the fields, and a shopper who
  // mistyped the password should not have to type the email again.
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError(t("errors.missing"));
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      return setError(refusal(signInRefusal(result?.error)).message);
    }
    const session = await getSession();
    const role = ROLES.find((r) => r === session?.user?.role);
    router.replace(callbackUrl || (role ? HOME_OF_ROLE[role] : "/"));
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="mt-6 space-y-4" noValidate>
      <Field label={t("email")}>
        <Input name="email" type="email" autoComplete="username" required className="w-full" />
      </Field>
      <Field label={t("password")}>
        <Input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full"
        />
      </Field>
      {error ? (
        <Notice tone="error" data-testid="signin-error">
          {error}
        </Notice>
      ) : null}
      <Button type="submit" disabled={!hydrated || pending} className="w-full">
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
