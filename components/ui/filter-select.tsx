import { Select } from "./select";

/**
 * One labelled choice of a GET filter form: "any" first, then the options; the form submits it
 * under `name`.
 */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={props.id} className="block font-medium">
        {props.label}
      </label>
      <Select
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? ""}
        compact
        className="w-full"
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
