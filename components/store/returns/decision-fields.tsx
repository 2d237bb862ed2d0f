"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { COUNTER_DECISIONS, type CounterDecision } from "@/lib/returns/return-rules";

export type LineDecision = { decision: CounterDecision; refuseReason: string };

export const RESTOCK: LineDecision = { decision: "RESTOCK", refuseReason: "" };

/** The decision payload for one line: a refused line carries its reason, the others none. */
export function decisionInput(d: LineDecision) {
  return d.decision === "REFUSE"
    ? { decision: d.decision, refuseReason: d.refuseReason.trim() }
    : { decision: d.decision };
}

/** What happens to one item: back on this node's shelf, kept off sale as damaged, or refused with a reason. */
export function DecisionFields({
  item,
  value,
  onChange,
  disabled,
  error,
  errorId,
}: {
  item: string;
  value: LineDecision;
  onChange: (next: LineDecision) => void;
  disabled: boolean;
  error?: string;
  errorId: string;
}) {
  const t = useTranslations("returns");
  return (
    <div className="space-y-1">
      <Select
        compact
        aria-label={t("return.decisionOf", { item })}
        value={value.decision}
        disabled={disabled}
        onChange={(e) => {
          const decision = COUNTER_DECISIONS.find((d) => d === e.target.value) ?? "RESTOCK";
          onChange({ ...value, decision });
        }}
        className="w-full"
      >
        {COUNTER_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {t(`decision.${d}`)}
          </option>
        ))}
      </Select>
      {value.decision === "REFUSE" ? (
        <Input
          compact
          aria-label={t("return.refuseReasonOf", { item })}
          placeholder={t("return.refuseReason")}
          value={value.refuseReason}
          maxLength={300}
          required
          disabled={disabled}
          onChange={(e) => onChange({ ...value, refuseReason: e.target.value })}
          className="w-full"
          {...(error ? { "aria-invalid": true, "aria-describedby": errorId } : {})}
        />
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
