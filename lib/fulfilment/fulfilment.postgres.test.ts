import { describeIfPostgres } from "@/test/databases";
import { useMigratedDatabase } from "@/lib/reservations/test-database";
import { defineFulfilmentTests } from "./fulfilment.contract";

describeIfPostgres("fulfilment on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineFulfilmentTests(db);
});
