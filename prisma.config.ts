import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`; migrations are created and applied by
// scripts/db (they work offline, where the CLI cannot fetch its schema engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
