import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { deleteQuotaPolicySchema, quotaPolicySchema, yuanToFen } from "./employee-admin-input";

type Actor = { userId: string | null };

/** Creates a quota policy, or updates the one named by `id`, with its audit entry. */
export async function saveQuotaPolicy(
  db: Db,
  raw: z.input<typeof quotaPolicySchema>,
  actor: Actor,
) {
  const input = parseInput(quotaPolicySchema, raw);
  const data = {
    name: input.name,
    period: input.period,
    maxUnits: input.maxUnits,
    maxSpend: yuanToFen(input.maxSpendYuan),
    maxPerSku: input.maxPerSku,
    discountBps: input.discountPercent * 100,
  };
  return withTransaction(db, async (tx) => {
    const before = input.id ? await findPolicy(tx, input.id) : null;
    const saved = input.id
      ? await tx.employeeQuotaPolicy.update({ where: { id: input.id }, data })
      : await tx.employeeQuotaPolicy.create({ data });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "EMPLOYEE_QUOTA_POLICY",
      entityId: saved.id,
      action: input.id ? "UPDATE" : "CREATE",
      before: before ? policyFacts(before) : null,
      after: policyFacts(saved),
    });
    return { id: saved.id };
  });
}

/** Deletes a quota policy no employee holds; one still held is refused, nothing changes. */
export async function deleteQuotaPolicy(
  db: Db,
  raw: z.input<typeof deleteQuotaPolicySchema>,
  actor: Actor,
) {
  const { id } = parseInput(deleteQuotaPolicySchema, raw);
  return withTransaction(db, async (tx) => {
    // Locks the row so an assignment cannot slip in between the count and the delete.
    await tx.$queryRaw`SELECT id FROM "EmployeeQuotaPolicy" WHERE id = ${id} FOR UPDATE`;
    const before = await findPolicy(tx, id);
    const employees = await tx.employee.count({ where: { quotaPolicyId: id } });
    if (employees > 0)
      throw new AppError("CONFLICT", "Employees still hold this quota policy.", {
        details: { reason: "POLICY_IN_USE", employees },
      });
    await tx.employeeQuotaPolicy.delete({ where: { id } });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "EMPLOYEE_QUOTA_POLICY",
      entityId: id,
      action: "DELETE",
      before: policyFacts(before),
      after: null,
    });
    return { id };
  });
}

export async function findPolicy(tx: Tx, id: string) {
  const policy = await tx.employeeQuotaPolicy.findUnique({ where: { id } });
  if (!policy)
    throw new AppError("NOT_FOUND", "No such quota policy.", {
      details: { reason: "QUOTA_POLICY" },
    });
  return policy;
}

function policyFacts(p: {
  name: string;
  period: string;
  maxUnits: number;
  maxSpend: number;
  maxPerSku: number;
  discountBps: number;
}) {
  return {
    name: p.name,
    period: p.period,
    maxUnits: p.maxUnits,
    maxSpend: p.maxSpend,
    maxPerSku: p.maxPerSku,
    discountBps: p.discountBps,
  };
}
