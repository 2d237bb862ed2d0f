/** Joins the class names that are set, so a primitive's classes and a caller's extra ones form one string. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
