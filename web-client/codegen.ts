// GraphQL Code Generator: types for every operation in src/graphql/*.graphql
// (the public site) and src/console/graphql/*.graphql (the editors' console,
// generated into a module of its own so that its documents stay in the
// console's lazily loaded chunk), checked against the server's schema
// (../schema/*.graphql). An operation that no longer fits the schema fails
// here, so a breaking schema change fails the client's build.
import type { CodegenConfig } from '@graphql-codegen/cli';

const plugins = ['typescript-operations', 'typed-document-node'];
const common = {
  enumsAsTypes: true,
  onlyOperationTypes: true,
  avoidOptionals: false,
  scalars: { Time: 'string', Cursor: 'string', ID: 'string', Map: 'Record<string, unknown>', Upload: 'File' },
  useTypeImports: true,
  dedupeFragments: true,
};

const config: CodegenConfig = {
  schema: '../schema/*.graphql',
  errorsOnly: true,
  generates: {
    'src/gql/graphql.ts': { documents: 'src/graphql/*.graphql', plugins, config: common },
    'src/gql/console.ts': { documents: 'src/console/graphql/*.graphql', plugins, config: common },
  },
};
export default config;
