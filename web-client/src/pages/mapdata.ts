// The map's data and its lazy module: the page asks the API for the counts
// and venues and loads the map's chunk (the shapes) at the same time.

import { run } from '../api';
import { HubeiMapDocument, type HubeiMapQuery } from '../gql/graphql';
import type { Ctx } from '../ctx';
import type { MapData } from '../map/map';
import { nodes } from './items';

/** mapData turns the HubeiMap answer into the map's input. */
export function mapData(d: HubeiMapQuery): MapData {
  return {
    prefectures: nodes(d.region?.children ?? { edges: [] }).map((p) => ({ code: p.code, name: p.name, brandCount: p.brandCount, children: nodes(p.children) })),
    venues: nodes(d.venues),
  };
}

/** mapBlock is the map of Hubei; touch is the radius of each region's touch target in CSS pixels. */
export async function mapBlock(ctx: Ctx, touch = 12): Promise<HTMLElement> {
  const [mod, d] = await Promise.all([import('../map/map'), run(HubeiMapDocument, { lang: ctx.api })]);
  return mod.regionMap(ctx, mapData(d), { touch });
}
