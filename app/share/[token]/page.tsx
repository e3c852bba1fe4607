import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { StakeholderStatus } from "@/components/stakeholder/stakeholder-status";
import { readClientAddress } from "@/lib/auth/client-address";
import { authorize } from "@/lib/auth/gate";
import { getPrisma } from "@/lib/db/database";
import { getStakeholderView } from "@/lib/incident/get-stakeholder-view";
import { resolveShareToken } from "@/lib/share/resolve-share-token";

export const dynamic = "force-dynamic";

// The token is in the address: no referrer may carry it to another site, and no search engine may keep it.
export const metadata: Metadata = { title: "Incident status · Runbridge", referrer: "no-referrer", robots: { index: false, follow: false } };

/** Renders the stakeholder view for a visitor without an account, opened with a share link. */
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const prisma = getPrisma();
  const caller = await resolveShareToken(prisma, token, readClientAddress(await headers()));

  // Returns 404 with the page in not-found.tsx, so monitors can detect a dead link too.
  if (!caller) notFound();

  await authorize(prisma, caller, { permission: "incident.watch", incidentId: caller.incidentId, operation: "page /share/[token]" });
  const view = await getStakeholderView(prisma, caller.incidentId, { showNames: caller.showNames });

  return <StakeholderStatus initial={view} shareToken={token} />;
}
