import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { DeliveriesCard } from "@/components/notifications/deliveries-card";
import { EndpointForm } from "@/components/notifications/endpoint-form";
import { EndpointsCard } from "@/components/notifications/endpoints-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { listDeliveries } from "@/lib/services/deliveries/list-deliveries";
import { listEndpoints } from "@/lib/services/deliveries/list-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "admin")) forbidden();
  const [endpoints, deliveries] = await withUserDb(claims, (tx) =>
    Promise.all([listEndpoints(tx, { workspaceId: workspace.id, purpose: "webhook" }), listDeliveries(tx, { workspaceId: workspace.id, purpose: "webhook" })]),
  );
  return (
    <div className="space-y-6">
      <PageHeader title="Webhooks" description="Reach POSTs signed JSON (Standard Webhooks) to your endpoints when runs finish, accounts start failing or posts fail." />
      <Card>
        <CardHeader>
          <CardTitle>Add an endpoint</CardTitle>
          <CardDescription>Public http(s) URLs only. Five failed deliveries in a row turn an endpoint off.</CardDescription>
        </CardHeader>
        <CardContent>
          <EndpointForm workspaceSlug={workspace.slug} resource="webhooks" />
        </CardContent>
      </Card>
      <EndpointsCard title="Endpoints" description="Verify each request's webhook-signature with the endpoint's secret (docs/webhooks.md)." endpoints={endpoints} workspaceSlug={workspace.slug} resource="webhooks" />
      <DeliveriesCard deliveries={deliveries} />
    </div>
  );
}
