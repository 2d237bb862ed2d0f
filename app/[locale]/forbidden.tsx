import { StatusNotice } from "@/components/layout/status-notice";

export default function Forbidden() {
  return (
    <StatusNotice
      namespace="errors"
      status="403"
      title="forbiddenTitle"
      body="forbiddenBody"
      href="/"
      link="backHome"
      testId="forbidden"
    />
  );
}
