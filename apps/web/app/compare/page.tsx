import { CompareView } from "../../components/compare/CompareView";
import { parseCompareIds } from "../../lib/compare";
import { ErrorBox } from "../../components/States";
import { CompareRunsQuery, HyperparameterCatalogQuery } from "../../lib/operations";
import { serverGql } from "../../lib/server/server-gql";

/** `/compare?ids=a,b,…`: 2 to 20 runs side by side. */
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ids, error } = parseCompareIds((await searchParams).ids);
  if (error) return <ErrorBox error={error} />;
  // Prefetch on the server: the charts can start drawing right after hydration.
  const [initialData, initialCatalogue] = await Promise.all([
    serverGql(CompareRunsQuery, { ids }),
    serverGql(HyperparameterCatalogQuery, {}),
  ]);
  return <CompareView ids={ids} initialData={initialData} initialCatalogue={initialCatalogue} />;
}
