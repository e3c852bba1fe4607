import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this file. Migrations run through lib/db/migrate.ts, which
// uses the WebAssembly schema engine so that nothing is downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
