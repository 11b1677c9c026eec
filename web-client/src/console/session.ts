// The editor's session: the token pasted at sign-in, kept in sessionStorage
// (gone when the tab closes; never put in a URL or a cookie), and a GraphQL
// client that sends it as "Authorization: Bearer ..." by POST, so that no
// answer for a token holder is cached by the browser, the service worker or
// urql.

import { Client, fetchExchange, stringifyDocument, type AnyVariables, type CombinedError, type TypedDocumentNode } from '@urql/core';
import { ConsoleUploadDocument, type ConsolePictureFragment, type PictureLicense } from '../gql/console';

const key = 'brandshow.token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  sessionStorage.setItem(key, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(key);
}

/** Roles, weakest first (Viewer.role). */
export type Role = 'EDITOR' | 'PUBLISHER' | 'ADMIN';

/** canPublish: publishing, unpublishing, featuring, deleting and changing published items need a publisher. */
export function canPublish(role: string): boolean {
  return role === 'PUBLISHER' || role === 'ADMIN';
}

/** One GraphQL error as the server sends it: its code and, for a bad input field, the field. */
export interface FieldProblem {
  message: string;
  code?: string;
  field?: string;
}

/** ConsoleError is a refused or failed operation with each of the server's errors. */
export class ConsoleError extends Error {
  constructor(
    readonly problems: FieldProblem[],
    readonly unauthenticated: boolean,
  ) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ConsoleError';
  }
}

function problemsOf(err: CombinedError): ConsoleError {
  const problems: FieldProblem[] = err.graphQLErrors.map((e) => ({
    message: e.message,
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
    field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
  }));
  if (!problems.length) problems.push({ message: err.networkError?.message ?? err.message });
  const status = (err.response as Response | undefined)?.status;
  return new ConsoleError(problems, status === 401 || problems.some((p) => p.code === 'UNAUTHENTICATED'));
}

/** ImportReport is the answer of POST /import (a dry run unless committed). */
export interface ImportReport {
  dryRun: boolean;
  written: boolean;
  counts: { collection: string; created: number; updated: number; unchanged: number }[];
  problems: { where: string; message: string }[];
}

/** Session is a signed-in token holder. */
export class Session {
  readonly client: Client;

  constructor(readonly token: string) {
    this.client = new Client({
      url: '/graphql',
      exchanges: [fetchExchange],
      preferGetMethod: false,
      requestPolicy: 'network-only',
      fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' }),
    });
  }

  /** query runs a query; the console always asks the server (drafts change under it). */
  async query<Data, Vars extends AnyVariables>(doc: TypedDocumentNode<Data, Vars>, vars: Vars): Promise<Data> {
    const res = await this.client.query(doc, vars).toPromise();
    if (res.error) throw problemsOf(res.error);
    return res.data as Data;
  }

  async mutate<Data, Vars extends AnyVariables>(doc: TypedDocumentNode<Data, Vars>, vars: Vars): Promise<Data> {
    const res = await this.client.mutation(doc, vars).toPromise();
    if (res.error) throw problemsOf(res.error);
    return res.data as Data;
  }

  /** importFile sends a spreadsheet or JSON export to POST /import: a dry run unless commit. */
  async importFile(file: File, commit: boolean): Promise<ImportReport> {
    const q = new URLSearchParams({ file: file.name });
    if (commit) q.set('commit', '1');
    let res: Response;
    try {
      res = await fetch(`/import?${q}`, { method: 'POST', headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/octet-stream' }, body: file, cache: 'no-store' });
    } catch (err) {
      throw new ConsoleError([{ message: String(err) }], false);
    }
    const json = (await res.json().catch(() => null)) as (ImportReport & { errors?: { message: string }[] }) | null;
    if ((res.status === 200 || res.status === 422) && json?.counts) return json;
    throw new ConsoleError((json?.errors ?? [{ message: `HTTP ${res.status}` }]).map((e) => ({ message: e.message })), res.status === 401);
  }

  /** upload sends a picture as a GraphQL multipart request (uploadPicture). */
  async upload(file: File, meta: { alt: string; altEn?: string; credit?: string; license?: PictureLicense; source?: string }): Promise<ConsolePictureFragment> {
    const body = new FormData();
    const variables = { file: null, alt: meta.alt, altEn: meta.altEn || null, credit: meta.credit || null, license: meta.license || null, source: meta.source || null };
    body.append('operations', JSON.stringify({ query: stringifyDocument(ConsoleUploadDocument), variables }));
    body.append('map', JSON.stringify({ 0: ['variables.file'] }));
    body.append('0', file, file.name);
    let res: Response;
    try {
      res = await fetch('/graphql', { method: 'POST', headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' }, body, cache: 'no-store' });
    } catch (err) {
      throw new ConsoleError([{ message: String(err) }], false);
    }
    const json = (await res.json().catch(() => null)) as { data?: { uploadPicture?: ConsolePictureFragment }; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
    if (json?.errors?.length || !json?.data?.uploadPicture) {
      const problems = (json?.errors ?? [{ message: `HTTP ${res.status}` }]).map((e) => ({
        message: e.message,
        code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
        field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
      }));
      throw new ConsoleError(problems, res.status === 401);
    }
    return json.data.uploadPicture;
  }
}
