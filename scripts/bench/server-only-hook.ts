import { register } from "node:module";

// The engine's use cases start with `import "server-only"`, which throws unless resolved with
// the "react-server" condition (as Next.js does on the server). This resolve hook gives that one
// package the condition, so a plain `tsx` script can call them.
const HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") {
    return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  }
  return next(specifier, context);
}`;

/** Lets this process import `*.server.ts` modules; call before importing any of them. */
export function allowServerOnlyImports(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
