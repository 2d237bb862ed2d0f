import pg from "pg";

/** Runs `work` on a plain PostgreSQL connection (e.g. to create or drop a database), then closes it. */
export async function withPgClient<T>(
  connectionString: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
