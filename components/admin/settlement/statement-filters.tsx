import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { STATEMENT_PERIODS, type StatementFilter } from "@/lib/settlement/statement-filter";

/**
 * The statement's GET filter: organisation (HQ only: a store sees its own), day or month, and
 * the first and last Shanghai day.
 */
export async function StatementFilters(props: {
  action: string;
  filter: StatementFilter;
  organizations?: readonly { id: string; label: string }[];
}) {
  const t = await getTranslations("settlement.statement");
  const { filter } = props;
  return (
    <form
      className="grid items-end gap-2 sm:grid-cols-5"
      role="search"
      action={props.action}
      data-testid="statement-filter"
    >
      {props.organizations ? (
        <FilterSelect
          id="statement-org"
          name="org"
          label={t("organization")}
          anyLabel={t("allOrganizations")}
          value={filter.organizationId}
          options={props.organizations.map((o) => ({ value: o.id, label: o.label }))}
        />
      ) : null}
      <div className="space-y-1 text-sm">
        <label htmlFor="statement-period" className="block font-medium">
          {t("period")}
        </label>
        <Select
          id="statement-period"
          name="period"
          defaultValue={filter.period}
          compact
          className="w-full"
        >
          {STATEMENT_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`periods.${p}`)}
            </option>
          ))}
        </Select>
      </div>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t("from")}</span>
        <Input type="date" name="from" defaultValue={filter.from} compact className="w-full" />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">{t("to")}</span>
        <Input type="date" name="to" defaultValue={filter.to} compact className="w-full" />
      </label>
      <Button type="submit" size="sm">
        {t("show")}
      </Button>
    </form>
  );
}
