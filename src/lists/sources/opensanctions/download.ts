import type { SourceFile } from '../../../entity/list-entity.ts';

/**
 * OpenSanctions' consolidated `default` collection as FollowTheMoney JSON lines. The data is licensed
 * CC BY-NC 4.0: commercial use (any paying tenant) needs OpenSanctions' commercial licence.
 */
export const files: SourceFile[] = [
  {
    url: 'https://data.opensanctions.org/datasets/latest/default/entities.ftm.json',
    fileName: 'entities.ftm.json',
  },
];
