import { AppError } from "@/lib/errors/app-error";

// Refusals of the products console. A taken code is refused beside the field that holds it
// (its path in the input), with the reason that words it.

export function styleCodeTaken(styleCode: string, path = "styleCode"): AppError<"INVALID_INPUT"> {
  return new AppError("INVALID_INPUT", "Style code already in use.", {
    details: { reason: "DUPLICATE_STYLE_CODE", styleCode },
    fieldErrors: { [path]: [{ problem: "INVALID" }] },
  });
}

export function skuCodeTaken(skuCode: string, path: string): AppError<"INVALID_INPUT"> {
  return new AppError("INVALID_INPUT", "SKU code already in use.", {
    details: { reason: "DUPLICATE_SKU_CODE", skuCode },
    fieldErrors: { [path]: [{ problem: "INVALID" }] },
  });
}

export function barcodeTaken(barcode: string, path: string): AppError<"INVALID_INPUT"> {
  return new AppError("INVALID_INPUT", "Barcode already in use.", {
    details: { reason: "DUPLICATE_BARCODE", barcode },
    fieldErrors: { [path]: [{ problem: "INVALID" }] },
  });
}

export function styleNotFound(): AppError<"NOT_FOUND"> {
  return new AppError("NOT_FOUND", "No such style.", { details: { reason: "PRODUCT" } });
}

export function skuNotFound(skuCode: string, path = "skuCode"): AppError<"NOT_FOUND"> {
  return new AppError("NOT_FOUND", "No such SKU.", {
    details: { reason: "SKU", skuId: skuCode },
    fieldErrors: { [path]: [{ problem: "INVALID" }] },
  });
}

export function categoryNotFound(): AppError<"NOT_FOUND"> {
  return new AppError("NOT_FOUND", "No such category.", {
    details: { reason: "CATEGORY" },
    fieldErrors: { categorySlug: [{ problem: "NOT_AN_OPTION" }] },
  });
}

export function changedMeanwhile(): AppError<"CONFLICT"> {
  return new AppError("CONFLICT", "The style changed since it was opened.", {
    details: { reason: "CHANGED_MEANWHILE" },
  });
}
