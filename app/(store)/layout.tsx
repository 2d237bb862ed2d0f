import { requirePageRole } from "@/lib/auth/session.server";

export default async function StoreLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["STORE_STAFF"], "/store");
  return <>{children}</>;
}
