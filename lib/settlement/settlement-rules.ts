/**
 * The settlement ledger's rules (多组织结算), pure. A paid order books what it earned for each
 * organisation; a refund books the same shares back in proportion. Every fee, commission or
 * discount is written as a pair (one organisation's credit is another's debit), so the entries
 * of a sale sum to what the buyer paid and those of a refund to minus what was given back: the
 * books always reconcile to the money.
 */

export type SettlementKind =
  "SALES_CREDIT" | "FULFILMENT_FEE" | "GUIDE_COMMISSION" | "EMPLOYEE_DISCOUNT" | "REFUND";

export type EntryDraft = {
  organizationId: string;
  kind: SettlementKind;
  amount: number;
  channelId?: string | null;
  nodeId?: string | null;
  beneficiaryUserId?: string | null;
  rateBps?: number | null;
};

export type SaleFacts = {
  total: number;
  /** What the buyer paid for the goods: the total less the delivery fee. */
  goodsPaid: number;
  channel: { id: string; organizationId: string };
  /** Stores fulfilling part of the order, with the paid value of the goods each ships. */
  storeFulfilments: readonly { nodeId: string; organizationId: string; goods: number }[];
  /** The staff member who placed an endless-aisle order, and their store's organisation. */
  guide: { userId: string; organizationId: string } | null;
  /** An employee order: list value of its goods and the employer that bears the discount. */
  employee: { listValue: number; employerOrganizationId: string } | null;
  rates: { fulfilmentFeeBps: number; guideCommissionBps: number };
};

/** A share of `base` at `bps` basis points, in whole fen (rounded down: never more than owed). */
export function shareAt(base: number, bps: number): number {
  return Math.floor((Math.max(0, base) * bps) / 10_000);
}

function pair(
  kind: SettlementKind,
  amount: number,
  to: Omit<EntryDraft, "kind" | "amount">,
  from: Omit<EntryDraft, "kind" | "amount">,
): EntryDraft[] {
  if (amount <= 0) return [];
  return [
    { ...to, kind, amount },
    { ...from, kind, amount: -amount },
  ];
}

/** What a paid order books: its sales credit and each fee, commission and discount pair. */
export function entriesForSale(sale: SaleFacts): EntryDraft[] {
  const channelSide = { organizationId: sale.channel.organizationId, channelId: sale.channel.id };
  const entries: EntryDraft[] = [{ ...channelSide, kind: "SALES_CREDIT", amount: sale.total }];
  for (const store of sale.storeFulfilments) {
    const rateBps = sale.rates.fulfilmentFeeBps;
    entries.push(
      ...pair(
        "FULFILMENT_FEE",
        shareAt(store.goods, rateBps),
        { organizationId: store.organizationId, nodeId: store.nodeId, rateBps },
        { ...channelSide, nodeId: store.nodeId, rateBps },
      ),
    );
  }
  if (sale.guide) {
    const rateBps = sale.rates.guideCommissionBps;
    entries.push(
      ...pair(
        "GUIDE_COMMISSION",
        shareAt(sale.goodsPaid, rateBps),
        {
          organizationId: sale.guide.organizationId,
          beneficiaryUserId: sale.guide.userId,
          rateBps,
        },
        { ...channelSide, beneficiaryUserId: sale.guide.userId, rateBps },
      ),
    );
  }
  if (sale.employee) {
    entries.push(
      ...pair("EMPLOYEE_DISCOUNT", sale.employee.listValue - sale.goodsPaid, channelSide, {
        organizationId: sale.employee.employerOrganizationId,
      }),
    );
  }
  return entries.filter((e) => e.amount !== 0);
}

/**
 * The part of `amount` that `refundedTotal` of `total` stands for, rounded toward zero. Used
 * cumulatively (what is due after this refund less what was due before), so that refunding the
 * whole order in any number of steps reverses every entry exactly.
 */
function proRata(amount: number, refundedTotal: number, total: number): number {
  if (total <= 0) return 0;
  const magnitude = Math.floor((Math.abs(amount) * Math.min(refundedTotal, total)) / total);
  return Math.sign(amount) * magnitude;
}

/**
 * What a refund books: the sale's credit given back (REFUND, exactly minus the refund) and every
 * fee, commission and discount pair reversed in the same proportion. `before` is what the order
 * had refunded before this one; the sale's own entries are what it booked when paid.
 */
export function entriesForRefund(input: {
  sale: readonly EntryDraft[];
  channel: { id: string; organizationId: string };
  total: number;
  before: number;
  amount: number;
}): EntryDraft[] {
  const { sale, channel, total, before, amount } = input;
  const after = before + amount;
  const out: EntryDraft[] = [];
  for (const entry of sale) {
    const back = proRata(entry.amount, after, total) - proRata(entry.amount, before, total);
    if (back === 0) continue;
    out.push({
      ...entry,
      kind: entry.kind === "SALES_CREDIT" ? "REFUND" : entry.kind,
      amount: -back,
    });
  }
  // Money handed back that the sale never credited (an order paid before the ledger was live):
  // the channel gives it back all the same, so a refund's entries always sum to minus the refund.
  const booked = out.reduce((s, e) => s + e.amount, 0);
  if (booked !== -amount) {
    out.push({
      organizationId: channel.organizationId,
      channelId: channel.id,
      kind: "REFUND",
      amount: -amount - booked,
    });
  }
  return out;
}
