import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";

const TONES = {
  REQUESTED: "bg-amber-100 text-amber-900",
  RECEIVED: "bg-sky-100 text-sky-900",
  REFUNDED: "bg-emerald-100 text-emerald-900",
  REJECTED: "bg-stone-200 text-stone-800",
} as const;

/** Where a return stands, as a coloured label. */
export function StatusBadge({ status }: { status: keyof typeof TONES }) {
  const t = useTranslations("returns.status");
  return (
    <span
      className={cx("rounded-full px-2 py-0.5 text-xs font-semibold", TONES[status])}
      data-testid="return-status"
    >
      {t(status)}
    </span>
  );
}
