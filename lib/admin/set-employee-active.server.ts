import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { employeeActiveSchema } from "./employee-admin-input";

/**
 * Switches an employee's access to the employee store. A switched-off employee can neither fill
 * a cart nor check out; orders already placed stand, and their quota usage with them.
 */
export async function setEmployeeActive(
  db: Db,
  raw: z.input<typeof employeeActiveSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(employeeActiveSchema, raw);
  return withTransaction(db, async (tx) => {
    const employee = await tx.employee.findUnique({ where: { id: input.employeeId } });
    if (!employee)
      throw new AppError("NOT_FOUND", "No such employee.", { details: { reason: "EMPLOYEE" } });
    await tx.employee.update({ where: { id: employee.id }, data: { active: input.active } });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "EMPLOYEE",
      entityId: employee.id,
      action: input.active ? "ENABLE" : "DISABLE",
      before: { active: employee.active },
      after: { active: input.active },
    });
    return { employeeId: employee.id, active: input.active };
  });
}
