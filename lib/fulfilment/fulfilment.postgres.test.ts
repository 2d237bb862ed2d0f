import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineFulfilmentTests } from "./fulfilment.contract";

describeIfPostgres("fulfilment on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineFulfilmentTests(db);
});
