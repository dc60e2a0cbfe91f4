import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return <StatusPage title="Not found" message="This page does not exist in this workspace: the account, post or run may have been deleted." />;
}
