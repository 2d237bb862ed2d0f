import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineBundlePresaleOrderTests } from "./bundles-presale-orders.contract";

describeIfPostgres("bundle and presale orders on PostgreSQL", () => {
  defineBundlePresaleOrderTests(useMigratedDatabase("postgres"));
});
