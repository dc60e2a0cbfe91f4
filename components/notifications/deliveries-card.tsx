import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryView } from "@/lib/services/deliveries/list-deliveries";
import { RefreshWhile } from "./refresh-while";

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");

/** The delivery log: each message, its attempts, the receiver's answer and the next attempt. */
export function DeliveriesCard({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Delivery log</CardTitle>
        <CardDescription>The newest 100 deliveries. A failed attempt is retried after 15 s, 1 min, 4 min and 16 min.</CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <RefreshWhile active={deliveries.some((delivery) => delivery.status === "pending")} />
        {deliveries.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing delivered yet.</p>
        ) : (
          <Table data-testid="delivery-log">
            <TableHeader>
              <TableRow>
                <TableHead>Queued</TableHead>
                <TableHead>Endpoint</TableHead>
                <TableHead>Event</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Attempts</TableHead>
                <TableHead>Answer</TableHead>
                <TableHead>Next attempt</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deliveries.map((delivery) => (
                <TableRow key={delivery.id} data-testid="delivery-row">
                  <TableCell className="whitespace-nowrap text-xs">{when(delivery.createdAt)}</TableCell>
                  <TableCell>{delivery.endpointName}</TableCell>
                  <TableCell className="font-mono text-xs">{delivery.eventType}</TableCell>
                  <TableCell>
                    <Badge variant={delivery.status === "failed" ? "destructive" : "outline"}>{delivery.status}</Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{delivery.attempts}</TableCell>
                  <TableCell className="text-xs">{delivery.responseStatus ?? delivery.lastError ?? "—"}</TableCell>
                  <TableCell className="whitespace-nowrap text-xs">{delivery.status === "pending" ? when(delivery.nextAttemptAt) : "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
