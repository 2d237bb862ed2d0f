import { StatusNotice } from "@/components/layout/status-notice";

export default function NotFound() {
  return (
    <StatusNotice namespace="errors" status="404" title="notFoundTitle" href="/" link="backHome" />
  );
}
