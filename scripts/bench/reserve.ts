/**
 * `npm run bench:reserve`: a hot-SKU flash sale against the stock engine on throwaway PostgreSQL
 * and PGlite databases, next to the naive read-check-write and the Redis fast path. Prints a
 * table, then the figures as one JSON object on the last line. `-- --help` lists the options.
 */
import { allowServerOnlyImports } from "./server-only-hook";

allowServerOnlyImports();
// Imported only now: the engine's modules need the hook in place before they load.
const { main } = await import("./run");
process.exitCode = await main(process.argv.slice(2));
