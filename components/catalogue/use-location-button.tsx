"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Asks the browser for the shopper's position and reloads the page with it, so the server lists
 * the stores nearest to them. The position never leaves the URL.
 */
export function UseLocationButton({ baseHref }: { baseHref: string }) {
  const t = useTranslations("catalogue");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "locating" | "failed">("idle");
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
      <button
        type="button"
        onClick={locate}
        disabled={state === "locating"}
        className="rounded-full border border-stone-300 bg-white px-4 py-2 text-sm font-medium disabled:opacity-60"
      >
        {state === "locating" ? t("locating") : t("useLocation")}
      </button>
      {state === "failed" ? (
        <p role="alert" className="text-sm text-red-700">
          {t("locationUnavailable")}
        </p>
      ) : null}
    </div>
  );
}
