/**
 * Stores, settlement and order numbers work Shanghai calendar days, whatever the server's clock
 * zone. One formatter, made once: building a zoned date per call (date-fns's TZDate asks Intl
 * for the offset on every field) cost a placed order more than all its day keys are worth.
 */
const SHANGHAI_DATE = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Shanghai calendar day of an instant, "YYYY-MM-DD". */
export function shanghaiDayOf(at: Date): string {
  let year = "";
  let month = "";
  let day = "";
  for (const part of SHANGHAI_DATE.formatToParts(at)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year}-${month}-${day}`;
}
