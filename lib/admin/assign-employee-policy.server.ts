import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { assignEmployeePolicySchema } from "./employee-admin-input";
import { findPolicy } from "./save-quota-policy.server";

/**
 * Gives an employee another quota policy. Usage so far in the period stays: the new limits
 * apply to what is already bought.
 */
export async function assignEmployeePolicy(
  db: Db,
  raw: z.input<typeof assignEmployeePolicySchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(assignEmployeePolicySchema, raw);
  return withTransaction(db, async (tx) => {
    const employee = await tx.employee.findUnique({ where: { id: input.employeeId } });
    if (!employee)
      throw new AppError("NOT_FOUND", "No such employee.", { details: { reason: "EMPLOYEE" } });
    await findPolicy(tx, input.quotaPolicyId);
    await tx.employee.update({
      where: { id: employee.id },
      data: { quotaPolicyId: input.quotaPolicyId },
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "EMPLOYEE",
      entityId: employee.id,
      action: "ASSIGN_QUOTA_POLICY",
      before: { quotaPolicyId: employee.quotaPolicyId },
      after: { quotaPolicyId: input.quotaPolicyId },
    });
    return { employeeId: employee.id };
  });
}
