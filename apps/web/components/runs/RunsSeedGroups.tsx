"use client";
/**
 * The runs table's "Seed groups": the runs its filters select, grouped by configuration (runs that
 * differ only in their training seed), with mean ± std (n) per group, across all pages of the table.
 */
import type { RunFilter } from "../../gql/graphql";
import { useQuery } from "../../lib/hooks";
import { RunGroupsQuery } from "../../lib/operations";
import { SeedGroupsTable } from "../SeedGroupsTable";
import { ErrorBox, Skeleton } from "../States";

/** Fetched when shown; the table's filter decides which runs are grouped. */
export function RunsSeedGroups({ filter }: { filter: RunFilter }) {
  const q = useQuery(RunGroupsQuery, { filter });
  if (q.error && !q.data) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton rows={3} />;
  const { groups, runs, truncated } = q.data.runGroups;
  return (
    <SeedGroupsTable
      groups={groups}
      runs={runs}
      caption={`the ${runs.length}${truncated ? " oldest" : ""} runs these filters select, grouped by everything but the training seed; mean ± std over the finished ones`}
    />
  );
}
