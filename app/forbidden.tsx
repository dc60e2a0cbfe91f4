import { StatusPage } from "@/components/layout/status-page";

export default function Forbidden() {
  return <StatusPage title="You can't open this page" message="Your role in this workspace does not include it. Ask an admin if you need access." />;
}
