import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return <StatusPage title="Not found" message="This page does not exist, or it belongs to a workspace you are not a member of." />;
}
