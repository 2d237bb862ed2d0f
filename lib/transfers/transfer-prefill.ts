import { MAX_TRANSFER_QUANTITY } from "./transfer-rules";

/** What the new-transfer form starts with. */
export type TransferPrefill = {
  fromNodeId: string;
  toNodeId: string;
  reason: string;
  lines: { skuCode: string; quantity: number }[];
};

/**
 * The new-transfer form's first values from a link (`?from=CW-SH&to=SH-001&sku=…&qty=…&reason=…`,
 * as the suggestions screen writes it): node codes become the nodes' ids when they name an
 * active node, a quantity outside 1..9999 or not a whole number becomes 1, and a missing SKU
 * leaves one empty line.
 */
export function transferPrefill(
  params: { from?: string; to?: string; sku?: string; qty?: string; reason?: string },
  nodes: readonly { id: string; code: string }[],
): TransferPrefill {
  const idOf = (code: string | undefined) => nodes.find((n) => n.code === code)?.id ?? "";
  const qty = Number(params.qty);
  const quantity = Number.isInteger(qty) && qty >= 1 && qty <= MAX_TRANSFER_QUANTITY ? qty : 1;
  return {
    fromNodeId: idOf(params.from),
    toNodeId: idOf(params.to),
    reason: params.reason ?? "",
    lines: [{ skuCode: params.sku ?? "", quantity }],
  };
}
