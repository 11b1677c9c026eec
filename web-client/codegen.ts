// GraphQL Code Generator: types for every operation in src/graphql/*.graphql,
// checked against the server's schema (../schema/*.graphql). An operation that
// no longer fits the schema fails here, so a breaking schema change fails the
// client's build.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/*.graphql',
  documents: 'src/graphql/*.graphql',
  errorsOnly: true,
  generates: {
    'src/gql/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        onlyOperationTypes: true,
        avoidOptionals: false,
        scalars: { Time: 'string', Cursor: 'string', ID: 'string', Map: 'Record<string, unknown>' },
        useTypeImports: true,
        dedupeFragments: true,
      },
    },
  },
};
export default config;
