import { InitialSchema1764806400000 } from './1764806400000-InitialSchema';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the TypeORM CLI and the
 * tests run the same set whether compiled or under ts-jest. A unit test checks nothing is missing.
 */
export const MIGRATIONS = [InitialSchema1764806400000];
