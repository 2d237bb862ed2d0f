"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function remaining(expiresAt: string): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - Date.now()) / 1000));
}

/** Counts down to the end of the hold; at zero it says so and reloads the page from the server. */
export function HoldCountdown({
  expiresAt,
  refreshAtZero = true,
}: {
  expiresAt: string;
  refreshAtZero?: boolean;
}) {
  const t = useTranslations("orders");
  const router = useRouter();
  const [seconds, setSeconds] = useState<number | null>(null);

  useEffect(() => {
    const tick = () => setSeconds(remaining(expiresAt));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);

  useEffect(() => {
    if (seconds !== 0 || !refreshAtZero) return;
    // The server releases the hold and cancels the order when it renders the page again.
    const reload = setTimeout(() => router.refresh(), 1500);
    return () => clearTimeout(reload);
  }, [seconds, router, refreshAtZero]);

  if (seconds === null) return null;
  if (seconds === 0) {
    return (
      <p role="status" className="font-semibold text-red-700" data-testid="hold-countdown">
        {t("holdEnded")}
      </p>
    );
  }
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return (
    <p className="text-sm" data-testid="hold-countdown">
      {t("holdLeft")}{" "}
      <span className="font-mono text-lg font-bold tabular-nums" role="timer">
        {mm}:{ss}
      </span>
    </p>
  );
}
