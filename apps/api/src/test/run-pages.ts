import { type RunConnection, type RunField, type SortDirection } from "@graft/schema/graphql";
import { expect } from "vitest";
import { queryRuns } from "../modules/run/run.query";
import { type ServiceDeps } from "../modules/service-deps";

/**
 * Every id of the runs page in `field`'s order, following `endCursor` five at a time; each page must
 * report `total` runs. Shared by the SQLite and PostgreSQL paging tests.
 */
export async function pageThroughRuns(deps: ServiceDeps, field: RunField, direction: SortDirection, total: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 10; guard++) {
    const page: RunConnection = await queryRuns(deps, null, { field, direction }, 5, after);
    expect(page.totalCount).toBe(total);
    seen.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return seen;
}
