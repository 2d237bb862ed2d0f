import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";

/** The pickup code in large digits and as a QR image the store scans; rendered on the server. */
export async function PickupCodeCard({
  code,
  storeName,
  storeAddress,
}: {
  code: string;
  storeName: string;
  storeAddress: string;
}) {
  const t = await getTranslations("orders");
  const svg = await QRCode.toString(code, { type: "svg", margin: 1, width: 180 });
  return (
    <section
      aria-labelledby="pickup-code"
      className="rounded-xl border-2 border-ink bg-white p-4 text-center"
    >
      <h2 id="pickup-code" className="text-sm uppercase tracking-wide text-stone-500">
        {t("pickupCode")}
      </h2>
      <p className="my-2 font-mono text-4xl font-black tracking-[0.3em]" data-testid="pickup-code">
        {code}
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing to optimise */}
      <img
        src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
        alt={t("pickupQrAlt")}
        width={180}
        height={180}
        className="mx-auto"
      />
      <p className="mt-2 font-semibold">{storeName}</p>
      <p className="text-sm text-stone-600">{storeAddress}</p>
      <p className="mt-2 text-xs text-stone-500">{t("pickupHint")}</p>
    </section>
  );
}
