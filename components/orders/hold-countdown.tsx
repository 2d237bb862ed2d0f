"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { expireOrderHold } from "@/lib/orders/actions";

function remaining(expiresAt: string): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - Date.now()) / 1000));
}

/**
 * Counts down to the end of the hold. At zero it says so; with `orderNo` it then asks the server
 * to cancel the lapsed order (freeing its stock now, not at the sweeper's next pass) and reloads.
 */
export function HoldCountdown({
  expiresAt,
  orderNo,
}: {
  expiresAt: string;
  /** The order to cancel at zero; without it the countdown only shows that the hold ended. */
  orderNo?: string;
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
    if (seconds !== 0 || !orderNo) return;
    let cancelled = false;
    // A short wait absorbs a browser clock slightly ahead of the server's; should the server
    // still see the hold running, the sweeper cancels it and the reload shows the state then.
    const expire = setTimeout(() => {
      void expireOrderHold({ orderNo }).then(() => {
        if (!cancelled) router.refresh();
      });
    }, 1500);
    return () => {
      cancelled = true;
      clearTimeout(expire);
    };
  }, [seconds, orderNo, router]);

  if (seconds === null) return null;
  if (seconds === 0) {
    return (
      <Notice
        tone="error"
        variant="text"
        role="status"
        className="font-semibold"
        data-testid="hold-countdown"
      >
        {t("holdEnded")}
      </Notice>
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
