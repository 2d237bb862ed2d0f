/**
 * True for a unique-constraint violation: Prisma's P2002, or a raw statement's failure (P2010)
 * carrying PostgreSQL's 23505 (the reservation insert is a raw statement).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!isRecord(error)) return false;
  if (error.code === "P2002") return true;
  if (error.code !== "P2010" || !isRecord(error.meta)) return false;
  const adapterError = error.meta.driverAdapterError;
  const cause = isRecord(adapterError) ? adapterError.cause : undefined;
  return isRecord(cause) && cause.originalCode === "23505";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
