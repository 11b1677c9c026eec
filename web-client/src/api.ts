// The GraphQL client: @urql/core with its document cache, sending queries
// by GET so that the server's HTTP caching (and the kiosk's service worker)
// can keep answers. Operations are typed documents generated from
// src/graphql/*.graphql.

import { Client, cacheExchange, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';

/** ApiError is a failed request: `offline` when the network (not the API) failed. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly offline: boolean,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** makeClient builds a client for an endpoint (same origin by default). */
export function makeClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Always GET, even for long queries: answers are then HTTP-cacheable and
    // the kiosk's service worker can keep them (the server accepts long URLs).
    preferGetMethod: 'force',
    requestPolicy: 'cache-first',
  });
}

let shared: Client | null = null;

/** resetClient drops the cached answers (after the network comes back). */
export function resetClient(): void {
  shared = null;
}

/** client is the page's shared client. */
export function client(): Client {
  shared ??= makeClient();
  return shared;
}

/** run executes a query and returns its data, or throws ApiError. */
export async function run<Data, Vars extends AnyVariables>(
  doc: TypedDocumentNode<Data, Vars>,
  vars: Vars,
  opts: { fresh?: boolean; c?: Client } = {},
): Promise<Data> {
  const res = await (opts.c ?? client())
    .query(doc, vars, { requestPolicy: opts.fresh ? 'network-only' : 'cache-first' })
    .toPromise();
  if (res.error) {
    throw new ApiError(res.error.message, !!res.error.networkError && !res.error.graphQLErrors.length);
  }
  if (!res.data) throw new ApiError('empty answer', false);
  return res.data;
}
