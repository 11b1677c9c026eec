// Runs graphql-http's GraphQL-over-HTTP server audit suite against one URL
// and prints every audit, then a summary line. Exits 1 on any MUST failure
// (2 on a usage error or an audit that could not run at all), so CI fails
// when the server stops following the spec.
//
//   node audit.mjs http://127.0.0.1:8080/graphql
//
// The audits only read: they send queries such as `{ __typename }` and
// malformed requests, never mutations that change data.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  console.error('usage: node audit.mjs URL   (e.g. http://127.0.0.1:8080/graphql)');
  process.exit(2);
}

// Every request gets a deadline, so a server that hangs fails the audit
// instead of hanging CI.
const requestTimeoutMs = 10_000;
const fetchWithDeadline = (input, init = {}) =>
  fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(requestTimeoutMs) });

// The requirement level is the first word of the audit's name.
const levelOf = (name) => name.split(' ', 1)[0];

// A short view of a failing response: status, content type and the start of
// the body, so the report says what the server actually answered.
async function describe(response) {
  if (!response) return '';
  let body = '';
  try {
    body = await response.clone().text();
  } catch {
    body = '<body already read>';
  }
  body = body.replace(/\s+/g, ' ').trim();
  if (body.length > 200) body = body.slice(0, 200) + '…';
  const type = response.headers.get('content-type') ?? '-';
  return `HTTP ${response.status}, content-type ${type}, body ${JSON.stringify(body)}`;
}

let passed = 0;
const mustFailures = [];
const shouldWarnings = [];
const mayNotices = [];

for (const audit of serverAudits({ url, fetchFn: fetchWithDeadline })) {
  const level = levelOf(audit.name);
  let result;
  try {
    result = await audit.fn();
  } catch (err) {
    // graphql-http throws (instead of returning a failure) when the audit
    // itself cannot run, e.g. the connection is refused: that is a failure
    // at the audit's own level.
    result = {
      id: audit.id,
      name: audit.name,
      status: level === 'MUST' ? 'error' : level === 'SHOULD' ? 'warn' : 'notice',
      reason: `audit could not run: ${err?.message ?? err}`,
    };
  }
  const line = `${result.id}  ${level.padEnd(6)} ${result.status.padEnd(6)} ${result.name}`;
  console.log(line);
  if (result.status === 'ok') {
    passed++;
    continue;
  }
  const detail = `${result.id} ${result.name}: ${result.reason}`;
  const seen = await describe(result.response);
  console.log(`        reason: ${result.reason}`);
  if (seen) console.log(`        got:    ${seen}`);
  if (result.status === 'error') mustFailures.push(detail);
  else if (result.status === 'warn') shouldWarnings.push(detail);
  else mayNotices.push(detail);
}

const list = (title, items) => {
  if (items.length === 0) return;
  console.log(`\n${title}:`);
  for (const item of items) console.log(`  - ${item}`);
};
list('MUST failures', mustFailures);
list('SHOULD warnings', shouldWarnings);
list('MAY notices', mayNotices);

console.log(
  `\ngraphql-http audit: ${passed} passed, ${mustFailures.length} MUST failures, ` +
    `${shouldWarnings.length} SHOULD warnings, ${mayNotices.length} MAY notices`,
);
process.exit(mustFailures.length > 0 ? 1 : 0);
