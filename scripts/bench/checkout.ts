/**
 * `npm run bench:checkout`: shoppers signed in over HTTP press "Place order" for a store pickup
 * at once against the production server on a throwaway PostgreSQL database with the demo brand,
 * until one SKU sells out (or with enough for everyone); the database is checked afterwards.
 * Prints a table, then the figures as one JSON object on the last line. `-- --help` lists the
 * options.
 */
import { allowServerOnlyImports } from "./server-only-hook";

allowServerOnlyImports();
// Imported only now: the engine's modules need the hook in place before they load.
const { main } = await import("./checkout-run");
process.exitCode = await main(process.argv.slice(2));
