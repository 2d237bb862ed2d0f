"use client";

import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Asks the browser for the shopper's position and reloads checkout measured from it. */
export function UseMyLocation() {
  const t = useTranslations("checkout");
  const router = useRouter();
  const params = useSearchParams();
  const [state, setState] = useState<"idle" | "asking" | "denied">("idle");
  const hydrated = useHydrated();

  function locate() {
    if (!("geolocation" in navigator)) return setState("denied");
    setState("asking");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const next = new URLSearchParams(params.toString());
        next.delete("area");
        next.set("lat", position.coords.latitude.toFixed(5));
        next.set("lng", position.coords.longitude.toFixed(5));
        router.push(`/checkout?${next.toString()}`);
        setState("idle");
      },
      () => setState("denied"),
      { timeout: 10_000 },
    );
  }

  return (
    <div className="flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        onClick={locate}
        disabled={!hydrated || state === "asking"}
      >
        {state === "asking" ? t("locating") : t("useMyLocation")}
      </Button>
      {state === "denied" && <span className="text-sm text-stone-500">{t("locationDenied")}</span>}
    </div>
  );
}
