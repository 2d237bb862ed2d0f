"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Asks the browser for the shopper's position and reloads the page with it, so the server lists
 * the stores nearest to them. The position never leaves the URL.
 */
export function UseLocationButton({ baseHref }: { baseHref: string }) {
  const t = useTranslations("catalogue");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "locating" | "failed">("idle");
  const hydrated = useHydrated();
  function locate() {
    if (!("geolocation" in navigator)) return setState("failed");
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const separator = baseHref.includes("?") ? "&" : "?";
        const lat = position.coords.latitude.toFixed(5);
        const lng = position.coords.longitude.toFixed(5);
        setState("idle");
        router.replace(`${baseHref}${separator}lat=${lat}&lng=${lng}`, { scroll: false });
      },
      () => setState("failed"),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  }
  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={locate} disabled={!hydrated || state === "locating"}>
        {state === "locating" ? t("locating") : t("useLocation")}
      </Button>
      {state === "failed" ? (
        <Notice tone="error" variant="text">
          {t("locationUnavailable")}
        </Notice>
      ) : null}
    </div>
  );
}
