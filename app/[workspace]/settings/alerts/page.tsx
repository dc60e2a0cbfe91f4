import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { DeliveriesCard } from "@/components/notifications/deliveries-card";
import { EndpointForm } from "@/components/notifications/endpoint-form";
import { EndpointsCard } from "@/components/notifications/endpoints-card";
import { RuleForm } from "@/components/notifications/rule-form";
import { MuteSubjectButtons, RuleActions } from "@/components/notifications/rule-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasRole } from "@/lib/auth/roles";
import { getWorkspaceContext } from "@/lib/auth/workspace-context";
import { withUserDb } from "@/lib/db/rls";
import { ALERT_RULE_LABELS, isAlertRuleKind } from "@/lib/domain/notifications";
import { listActiveMutes } from "@/lib/services/alerts/list-active-mutes";
import { listAlertRules } from "@/lib/services/alerts/list-alert-rules";
import { listAlerts } from "@/lib/services/alerts/list-alerts";
import { listDeliveries } from "@/lib/services/deliveries/list-deliveries";
import { listEndpoints } from "@/lib/services/deliveries/list-endpoints";

export const metadata: Metadata = { title: "Alerts" };

const params = (values: Record<string, unknown>) =>
  Object.entries(values)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(" · ");

export default async function AlertsPage({ params: routeParams }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await routeParams;
  const { claims, workspace } = await getWorkspaceContext(slug);
  if (!hasRole(workspace.role, "editor")) forbidden();
  const now = new Date();
  const [channels, rules, history, mutes, deliveries] = await withUserDb(claims, (tx) =>
    Promise.all([
      listEndpoints(tx, { workspaceId: workspace.id, purpose: "alert" }),
      listAlertRules(tx, { workspaceId: workspace.id }),
      listAlerts(tx, { workspaceId: workspace.id }),
      listActiveMutes(tx, { workspaceId: workspace.id, now }),
      listDeliveries(tx, { workspaceId: workspace.id, purpose: "alert" }),
    ]),
  );
  const channelName = new Map(channels.map((channel) => [channel.id, channel.name]));
  const mutedUntil = (ruleId: string) => mutes.find((mute) => mute.ruleId === ruleId && mute.subjectId === null)?.until;
  return (
    <div className="space-y-6">
      <PageHeader title="Alerts" description="Rules checked after every run and every hour; one alert per rule, subject and day." />
      <Card>
        <CardHeader>
          <CardTitle>Add a channel</CardTitle>
          <CardDescription>A Slack incoming webhook, an email address (sent through the server&apos;s SMTP) or a signed webhook.</CardDescription>
        </CardHeader>
        <CardContent>
          <EndpointForm workspaceSlug={workspace.slug} resource="alerts/channels" />
        </CardContent>
      </Card>
      <EndpointsCard title="Channels" description="Five failed deliveries in a row turn a channel off." endpoints={channels} workspaceSlug={workspace.slug} resource="alerts/channels" />
      <Card>
        <CardHeader>
          <CardTitle>Rules</CardTitle>
          <CardDescription>Suspect snapshots (a dip or spike that reverted) never trigger a followers alert.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4 overflow-x-auto">
          <RuleForm workspaceSlug={workspace.slug} channels={channels.map((channel) => ({ id: channel.id, name: channel.name }))} />
          {rules.length === 0 ? null : (
            <Table stack>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Kind</TableHead>
                  <TableHead>Parameters</TableHead>
                  <TableHead>Channels</TableHead>
                  <TableHead>State</TableHead>
                  <TableHead className="text-right">Actions</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rules.map((rule) => (
                  <TableRow key={rule.id} data-testid="rule-row">
                    <TableCell className="font-medium">{rule.name}</TableCell>
                    <TableCell>{isAlertRuleKind(rule.kind) ? ALERT_RULE_LABELS[rule.kind] : rule.kind}</TableCell>
                    <TableCell className="text-xs">{params(rule.params)}</TableCell>
                    <TableCell className="text-xs">{rule.endpointIds.map((id) => channelName.get(id) ?? "—").join(", ") || "history only"}</TableCell>
                    <TableCell>
                      {rule.enabled ? <Badge variant="outline">on</Badge> : <Badge variant="destructive">off</Badge>}
                      {mutedUntil(rule.id) ? <p className="mt-1 text-xs text-muted-foreground">muted until {mutedUntil(rule.id)!.slice(0, 16).replace("T", " ")} UTC</p> : null}
                    </TableCell>
                    <TableCell>
                      <RuleActions workspaceSlug={workspace.slug} rule={rule} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>History</CardTitle>
          <CardDescription>The newest 100 alerts.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {history.length === 0 ? (
            <p className="text-sm text-muted-foreground">No alerts yet.</p>
          ) : (
            <Table stack data-testid="alert-history">
              <TableHeader>
                <TableRow>
                  <TableHead>Day</TableHead>
                  <TableHead>Alert</TableHead>
                  <TableHead>Rule</TableHead>
                  <TableHead>Subject</TableHead>
                  <TableHead className="text-right">Mute subject</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.map((alert) => (
                  <TableRow key={alert.id} data-testid="alert-row">
                    <TableCell className="whitespace-nowrap">{alert.day}</TableCell>
                    <TableCell>
                      <p className="font-medium">{alert.title}</p>
                      <p className="text-xs text-muted-foreground">{alert.message}</p>
                    </TableCell>
                    <TableCell>{alert.ruleName}</TableCell>
                    <TableCell>
                      <Link href={alert.link} className="underline underline-offset-4">
                        {alert.subjectLabel}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <MuteSubjectButtons workspaceSlug={workspace.slug} alert={{ ruleId: alert.ruleId, subjectType: alert.subjectType, subjectId: alert.subjectId }} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <DeliveriesCard deliveries={deliveries} />
    </div>
  );
}
