/**
 * `npm run bench:dashboard`: the inventory dashboard's and the suggestion engine's server time on
 * a throwaway PostgreSQL database with the demo brand, its history (orders, their lines, stock
 * movements) copied in SQL to 10× the seed's. Each view (every region, one city, one store, one
 * category, a SKU search, the long window, transfer and replenishment suggestions) is run a few
 * times unmeasured, then measured; `--http` also times the page itself on the production server.
 * Prints a table, then the figures as one JSON object on the last line. `-- --help` lists the
 * options.
 */
import { allowServerOnlyImports } from "./server-only-hook";

allowServerOnlyImports();
// Imported only now: the loaders' modules need the hook in place before they load.
const { main } = await import("./dashboard-run");
process.exitCode = await main(process.argv.slice(2));
