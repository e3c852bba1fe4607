/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time,
  // which fails once bundled; the Prisma adapters and pino's worker threads likewise.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "pg",
    "pino",
    "pino-pretty",
  ],
  poweredByHeader: false,
  // Runbook imports send up to 2 MiB of Markdown through a server action; JSON encoding can
  // double escaped characters, so the limit leaves room above that.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
  // The custom server (server.ts) serves Next, so Next's own output tracing is not needed.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
