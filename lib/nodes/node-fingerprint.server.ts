import "server-only";
import { createHash } from "node:crypto";
import { nodeFacts, type NodeFacts } from "./node-input";

/**
 * A digest of a node's editable facts. Node rows carry no version column, so an edit names the
 * state it was made on by this digest and is refused when the row no longer matches it.
 */
export function nodeFingerprint(node: NodeFacts): string {
  return createHash("sha256")
    .update(JSON.stringify(nodeFacts(node)))
    .digest("base64url");
}
