"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ActionFeedback } from "@/components/store/action-feedback";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatMoney } from "@/lib/i18n/money";
import {
  findReturnAction,
  receiveReturnAction,
  refundReturnAction,
  walkInReturnAction,
} from "@/lib/returns/actions";
import type { CounterLookup, CounterReturn } from "@/lib/returns/find-return.server";
import type { ReceivedReturn } from "@/lib/returns/receive-return.server";
import type { ReceiveReturnInput } from "@/lib/returns/return-rules";
import { ReturnPanel, type Warehouse } from "./return-panel";
import { useCounterAction } from "./use-counter-action";
import { ExchangeSection } from "./exchange-section";
import { WalkInForm, type WalkInSubmission } from "./walk-in-form";

type Search = { query: string; contact?: string };

/**
 * The returns counter, one component for a store and for HQ's warehouses: find a return by its
 * code or RMA number (or an order by number and the buyer's phone or email), decide and receive
 * it, then refund it; at a store, take a walk-in return from the order. After every step the
 * same search runs again, so what is shown is what the database now holds.
 */
export function ReturnCounter({
  warehouses,
  initial,
}: {
  /** HQ receives at one of these warehouses; a store (null) receives at itself. */
  warehouses: Warehouse[] | null;
  /** A return the page already found (HQ's worklist opens one). */
  initial?: { query: string; lookup: CounterLookup };
}) {
  const t = useTranslations("returns");
  const locale = useLocale();
  const format = useFormatter();
  const money = (fen: number) => formatMoney(fen, locale);
  const { run, clear, feedback, fields, busy } = useCounterAction();
  const [query, setQuery] = useState(initial?.query ?? "");
  const [contact, setContact] = useState("");
  const [lookup, setLookup] = useState<CounterLookup | null>(initial?.lookup ?? null);
  const [last, setLast] = useState<Search | null>(initial ? { query: initial.query } : null);

  async function reload(search = last) {
    if (!search) return;
    const again = await findReturnAction(search);
    if (!again.ok) return;
    setLookup(again.data);
    setLast(search);
  }

  const received = (r: ReceivedReturn) => ({
    ok: true,
    text:
      r.status === "REJECTED"
        ? t("outcome.rejected", { rmaNo: r.rmaNo, refused: r.refused })
        : t("outcome.received", {
            rmaNo: r.rmaNo,
            restocked: r.restocked,
            damaged: r.damaged,
            refused: r.refused,
            amount: money(r.refundAmount),
          }),
  });

  function find(event: React.FormEvent) {
    event.preventDefault();
    const search: Search = { query: query.trim(), ...(contact.trim() ? { contact } : {}) };
    setLookup(null);
    run(
      () => findReturnAction(search),
      (data) => {
        setLookup(data);
        setLast(search);
        return null;
      },
      { writes: false },
    );
  }

  const receive = (receipt: ReceiveReturnInput) =>
    run(
      () => receiveReturnAction(receipt),
      async (r) => {
        await reload();
        return received(r);
      },
      { writes: true },
    );

  const refund = (ret: CounterReturn) =>
    run(
      () => refundReturnAction({ returnId: ret.returnId }),
      async (r) => {
        await reload();
        return {
          ok: true,
          text: r.already
            ? t("outcome.alreadyRefunded", { rmaNo: ret.rmaNo })
            : t("outcome.refunded", { rmaNo: ret.rmaNo, amount: money(r.refunded) }),
        };
      },
      { writes: true },
    );

  const walkIn = (orderNo: string, submission: WalkInSubmission) =>
    run(
      () => walkInReturnAction({ orderNo, contact: last?.contact ?? "", ...submission }),
      async (r) => {
        // The new return itself is shown: what became of each item, and its refund.
        await reload({ query: r.rmaNo });
        return received(r);
      },
      { writes: true },
    );

  function nextCustomer() {
    setQuery("");
    setContact("");
    setLookup(null);
    setLast(null);
    clear();
  }

  const panel = (ret: CounterReturn) => (
    <ReturnPanel
      key={`${ret.returnId}-${ret.status}`}
      ret={ret}
      warehouses={warehouses}
      busy={busy}
      fields={fields}
      onReceive={receive}
      onRefund={refund}
    />
  );

  return (
    <div className="space-y-4">
      <form
        onSubmit={find}
        className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        role="search"
      >
        <Field label={t("counter.query")}>
          <Input
            name="query"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            autoFocus
            required
            minLength={3}
            maxLength={60}
            className="w-full font-mono"
          />
        </Field>
        <Field label={t("counter.contact")}>
          <Input
            name="contact"
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            autoComplete="off"
            maxLength={200}
            className="w-full"
          />
        </Field>
        <Button type="submit" size="lg" disabled={busy}>
          {t("counter.find")}
        </Button>
      </form>

      <ActionFeedback message={feedback} />

      {lookup?.kind === "RETURN" ? panel(lookup.found) : null}

      {lookup?.kind === "ORDER" ? (
        <div className="space-y-4" data-testid="counter-order">
          <p className="font-medium">
            {t("counter.orderFound", {
              orderNo: lookup.found.orderNo,
              name: lookup.found.contactName,
              when: format.dateTime(lookup.found.placedAt, { dateStyle: "medium" }),
            })}
          </p>
          <section className="space-y-3" aria-label={t("counter.openReturns")}>
            <h2 className="text-lg font-bold">{t("counter.openReturns")}</h2>
            {lookup.found.openReturns.length === 0 ? (
              <p className="text-sm text-stone-600">{t("counter.noOpenReturns")}</p>
            ) : (
              lookup.found.openReturns.map(panel)
            )}
          </section>
          {warehouses ? (
            <p className="text-sm text-stone-600">{t("walkIn.onlyAtStore")}</p>
          ) : (
            <>
              <WalkInForm
                key={lookup.found.lines.map((l) => l.returnable).join("-")}
                order={lookup.found}
                busy={busy}
                fields={fields}
                onSubmit={(submission) => walkIn(lookup.found.orderNo, submission)}
              />
              {/* An exchange starts with a return: only offered while something can come back. */}
              {lookup.found.returnable && lookup.found.lines.some((l) => l.returnable > 0) ? (
                <ExchangeSection orderNo={lookup.found.orderNo} contact={last?.contact ?? ""} />
              ) : null}
            </>
          )}
        </div>
      ) : null}

      {lookup || feedback ? (
        <Button variant="link" onClick={nextCustomer}>
          {t("counter.clear")}
        </Button>
      ) : null}
    </div>
  );
}
