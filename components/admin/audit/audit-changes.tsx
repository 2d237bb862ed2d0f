import { getTranslations } from "next-intl/server";
import type { AuditFieldChange, AuditValue } from "@/lib/audit/audit-words";

/** The fields one audit entry changed, each as "field: before → after". */
export async function AuditChanges({ changes }: { changes: AuditFieldChange[] }) {
  const [t, tl] = await Promise.all([
    getTranslations("stock.audit"),
    getTranslations("stock.levels"),
  ]);
  // Fields written by later features may not be worded yet; they show by their stored name.
  const field = (name: string) =>
    t.has(`fields.${name}`) ? t(`fields.${name}` as "fields.onHand") : name;
  const text = (field: string, v: string) =>
    field === "reason" && tl.has(`reasons.${v}`) ? tl(`reasons.${v}` as "reasons.FOUND") : v;
  const value = (field: string, v: AuditValue) =>
    v.kind === "none" ? "—" : v.kind === "flag" ? (v.on ? t("yes") : t("no")) : text(field, v.text);

  if (changes.length === 0) return <span className="text-stone-500">{t("unchanged")}</span>;
  return (
    <ul className="space-y-0.5" data-testid="audit-changes">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          {c.field ? <span className="font-medium">{field(c.field)}: </span> : null}
          {c.before.kind !== "none" ? <span>{value(c.field, c.before)}</span> : null}
          {c.before.kind !== "none" && c.after.kind !== "none" ? " → " : null}
          {c.after.kind !== "none" ? <span>{value(c.field, c.after)}</span> : null}
          {c.before.kind === "none" && c.after.kind === "none" ? "—" : null}
        </li>
      ))}
    </ul>
  );
}
