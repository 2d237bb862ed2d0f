"use client";

import { useState } from "react";
import { cx } from "@/components/ui/cx";
import { Select } from "@/components/ui/select";

export type CityOption = { value: string; label: string };
export type DistrictOption = { city: string; value: string; label: string };

/**
 * A city and a district drop-down for a GET form: the district list holds the chosen city's
 * districts only, each once, and follows the city as soon as it changes.
 */
export function CityDistrictSelect(props: {
  cities: readonly CityOption[];
  districts: readonly DistrictOption[];
  /** Element ids prefix: `<id>-city`, `<id>-district`. */
  id: string;
  cityName?: string;
  districtName: string;
  cityLabel: string;
  districtLabel: string;
  initialCity: string;
  initialDistrict: string;
  /** The first district option (e.g. "whole city" or "choose an area"), value "". */
  emptyLabel: string;
  compact?: boolean;
  className?: string;
}) {
  const [city, setCity] = useState(props.initialCity);
  const [district, setDistrict] = useState(props.initialDistrict);
  const seen = new Set<string>();
  const options = props.districts.filter((d) => {
    if (d.city !== city || seen.has(d.value)) return false;
    seen.add(d.value);
    return true;
  });
  return (
    <>
      <div className={cx("space-y-1 text-sm", props.className)}>
        <label htmlFor={`${props.id}-city`} className="block font-medium">
          {props.cityLabel}
        </label>
        <Select
          id={`${props.id}-city`}
          name={props.cityName}
          value={city}
          onChange={(e) => {
            setCity(e.target.value);
            setDistrict("");
          }}
          compact={props.compact}
          className="w-full"
        >
          {props.cities.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
      <div className={cx("space-y-1 text-sm", props.className)}>
        <label htmlFor={`${props.id}-district`} className="block font-medium">
          {props.districtLabel}
        </label>
        <Select
          id={`${props.id}-district`}
          name={props.districtName}
          value={options.some((o) => o.value === district) ? district : ""}
          onChange={(e) => setDistrict(e.target.value)}
          compact={props.compact}
          className="w-full"
        >
          <option value="">{props.emptyLabel}</option>
          {options.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </Select>
      </div>
    </>
  );
}
