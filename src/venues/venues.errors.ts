import { NotFoundError } from '../common/errors';

export const venueNotFound = (id: number): NotFoundError =>
  new NotFoundError('VENUE.NOT_FOUND', `Venue ${id} does not exist.`);
