// Types of the generated Prisma client (PrismaClient, the model types and the Prisma namespace),
// for modules that need the types but must not load the client at run time.
import type { Prisma, PrismaClient } from "./generated/client";

export type * from "./generated/client";

/** The client inside an interactive transaction, as passed to `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

/** Either the client or a transaction client, for reads that work in and out of a transaction. */
export type Db = PrismaClient | Tx;
