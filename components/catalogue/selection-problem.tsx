import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import type { SelectionProblem } from "@/lib/catalogue/product-selection";
import type { ColourOption } from "@/lib/catalogue/types";
import { localized } from "@/lib/i18n/localized";

/** Says plainly why the colour or size in the link cannot be chosen; nothing is selected or held. */
export async function SelectionProblemMessage({
  problem,
  colours,
}: {
  problem: SelectionProblem;
  colours: readonly ColourOption[];
}) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const colourName = (color: string) => {
    const option = colours.find((c) => c.color === color);
    return option ? localized(locale, { name: option.color, nameZh: option.colorZh }) : color;
  };
  const message =
    problem.code === "UNKNOWN_SIZE"
      ? t("unknownSize", { size: problem.size })
      : problem.code === "SIZE_NOT_IN_COLOUR"
        ? t("sizeNotInColour", { size: problem.size, colour: colourName(problem.colour) })
        : t("unknownColour", {
            colour: problem.colour,
            fallback: colourName(colours[0]?.color ?? ""),
          });
  return (
    <Notice tone="warning" role="alert" data-testid="selection-problem">
      {message}
    </Notice>
  );
}
