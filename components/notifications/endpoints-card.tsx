import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EndpointView } from "@/lib/services/deliveries/list-endpoints";
import { EndpointActions } from "./endpoint-actions";

const KIND_LABELS = { webhook: "Webhook", slack: "Slack", email: "Email" } as const;

/** The workspace's endpoints with their state and buttons. */
export function EndpointsCard({ title, description, endpoints, workspaceSlug, resource }: { title: string; description: string; endpoints: EndpointView[]; workspaceSlug: string; resource: "webhooks" | "alerts/channels" }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        {endpoints.length === 0 ? (
          <p className="text-sm text-muted-foreground">None yet.</p>
        ) : (
          <Table stack>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Destination</TableHead>
                <TableHead>State</TableHead>
                <TableHead className="text-right">Actions</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {endpoints.map((endpoint) => (
                <TableRow key={endpoint.id} data-testid="endpoint-row">
                  <TableCell className="font-medium">{endpoint.name}</TableCell>
                  <TableCell>
                    {KIND_LABELS[endpoint.kind]}
                    {endpoint.digest ? " · daily digest" : ""}
                  </TableCell>
                  <TableCell className="max-w-72 truncate font-mono text-xs" title={endpoint.target}>
                    {endpoint.target}
                  </TableCell>
                  <TableCell>
                    {endpoint.enabled ? <Badge variant="outline">on</Badge> : <Badge variant="destructive">off</Badge>}
                    {endpoint.disabledReason ? <p className="mt-1 text-xs text-muted-foreground">{endpoint.disabledReason}</p> : null}
                  </TableCell>
                  <TableCell>
                    <EndpointActions workspaceSlug={workspaceSlug} resource={resource} endpoint={endpoint} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
