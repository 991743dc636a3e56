import { InitialSchema1764806400000 } from './1764806400000-InitialSchema';
import { BookingsCreatedIndex1764905000000 } from './1764905000000-BookingsCreatedIndex';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the TypeORM CLI and the
 * tests run the same set whether compiled or under ts-jest. migrations.spec.ts checks nothing is
 * missing or out of order.
 */
export const MIGRATIONS = [InitialSchema1764806400000, BookingsCreatedIndex1764905000000];
