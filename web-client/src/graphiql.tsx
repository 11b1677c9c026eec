// The GraphiQL playground at /graphiql, bundled with the client so it works
// without internet access (nothing comes from a CDN). React lives only in
// this entry, never in the site's JavaScript.

import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';

type FetcherParams = { query: string; operationName?: string | null; variables?: unknown };

async function fetcher(params: FetcherParams, opts?: { headers?: Record<string, unknown> }) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...(opts?.headers as Record<string, string> | undefined) },
    body: JSON.stringify(params),
  });
  return res.json();
}

const defaultQuery = `# brandshow: Hubei labor brands. Press the run button (or Ctrl-Enter).
query FeaturedPage {
  featuredBrands(first: 6) {
    slug
    name
    summary
    region { code name }
  }
  stats { brandCount workersEmployed }
  about { sampleContent notice }
}
`;

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
