/** Picks the Chinese or English text of a record that carries both. */
export function localized(locale: string, text: { name: string; nameZh: string }): string {
  return locale.startsWith("zh") ? text.nameZh : text.name;
}
