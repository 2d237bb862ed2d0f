"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocalizeRefusal } from "@/components/ui/use-localize-refusal";
import { assignEmployeePolicyAction, setEmployeeActiveAction } from "@/lib/admin/actions";

type Row = {
  id: string;
  employeeNo: string;
  name: string | null;
  quotaPolicyId: string;
  active: boolean;
};

/** Employees with their quota policy and access; a change saves at once. */
export function EmployeePolicyTable({
  employees,
  policies,
}: {
  employees: Row[];
  policies: { id: string; name: string }[];
}) {
  const t = useTranslations("admin.employees");
  const refusal = useLocalizeRefusal();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [chosen, setChosen] = useState(
    Object.fromEntries(employees.map((e) => [e.id, e.quotaPolicyId])),
  );
  const [active, setActive] = useState(Object.fromEntries(employees.map((e) => [e.id, e.active])));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const switchAccess = (employeeId: string, on: boolean) =>
    start(async () => {
      setActive((all) => ({ ...all, [employeeId]: on }));
      const result = await setEmployeeActiveAction({ employeeId, active: on });
      if (result.ok) return setMessage({ ok: true, text: t(on ? "enabled" : "disabled") });
      setActive((all) => ({ ...all, [employeeId]: !on }));
      setMessage({ ok: false, text: refusal(result).message });
    });

  const assign = (employeeId: string, quotaPolicyId: string) =>
    start(async () => {
      const previous = chosen[employeeId];
      setChosen((all) => ({ ...all, [employeeId]: quotaPolicyId }));
      const result = await assignEmployeePolicyAction({ employeeId, quotaPolicyId });
      if (result.ok) return setMessage({ ok: true, text: t("assigned") });
      setChosen((all) => ({ ...all, [employeeId]: previous ?? "" }));
      setMessage({ ok: false, text: refusal(result).message });
    });

  return (
    <div className="space-y-2">
      <table className="w-full text-sm" data-testid="employee-policies">
        <thead className="text-left text-stone-500">
          <tr>
            <th>{t("employeeNo")}</th>
            <th>{t("employeeName")}</th>
            <th>{t("policy")}</th>
            <th>{t("active")}</th>
          </tr>
        </thead>
        <tbody>
          {employees.map((e) => (
            <tr key={e.id} className="border-t border-stone-100">
              <td>{e.employeeNo}</td>
              <td>{e.name}</td>
              <td>
                <Select
                  compact
                  aria-label={`${t("policy")} ${e.employeeNo}`}
                  disabled={!hydrated || pending}
                  value={chosen[e.id]}
                  onChange={(event) => assign(e.id, event.target.value)}
                >
                  {policies.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t("active")} ${e.employeeNo}`}
                  disabled={!hydrated || pending}
                  checked={active[e.id] ?? false}
                  onChange={(event) => switchAccess(e.id, event.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message ? (
        <Notice tone={message.ok ? "success" : "error"} variant="text">
          {message.text}
        </Notice>
      ) : null}
    </div>
  );
}
