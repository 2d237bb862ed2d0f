import "server-only";
import { forbidden } from "next/navigation";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/transaction.server";

/**
 * For pages an employee shops on: a switched-off employee gets the 403 page, as the cart and
 * checkout actions refuse them (EMPLOYEE_DISABLED). Other roles pass; their pages check roles.
 */
export async function requireActiveEmployee(db: Db, user: Pick<SessionUser, "id" | "role">) {
  if (user.role !== "EMPLOYEE") return;
  const employee = await db.employee.findUnique({
    where: { userId: user.id },
    select: { active: true },
  });
  if (!employee?.active) forbidden();
}
