// PostGraphile 5 over brandshow's PostgreSQL tables: the peer the load tool
// compares our server with. Reads DATABASE_URL (sslmode=disable) and serves
// /graphql on PEER_ADDR's port (default 127.0.0.1:5678).
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const [host, port] = (process.env.PEER_ADDR ?? "127.0.0.1:5678").split(":");

/** @type {GraphileConfig.Preset} */
export default {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // By default PostGraphile offers conditions and orderings only on indexed
  // columns. Our indexes are partial or composite where the API needs it
  // (e.g. featured_rank WHERE featured), which would hide `featured` from
  // the peer; a team adopting it would switch the rule off, as here.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      // public: the tables; brandshow_peer: the two functions of peer.sql
      // (venues near a point, coverage text search).
      schemas: ["public", "brandshow_peer"],
      poolConfig: { max: Number(process.env.PEER_POOL ?? 10) },
    }),
  ],
  grafserv: { host, port: Number(port), graphqlPath: "/graphql", watch: false, graphiql: false },
  grafast: { explain: false },
  schema: {
    // Filters through relations: coverage of a brand by its slug, drafts
    // hidden on joined rows.
    connectionFilterRelations: true,
    pgForbidSetofFunctionsToReturnNull: true,
  },
};
