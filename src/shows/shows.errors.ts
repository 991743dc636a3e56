import { ConflictError, NotFoundError, ValidationError } from '../common/errors';

export const showNotFound = (id: number): NotFoundError =>
  new NotFoundError('SHOW.NOT_FOUND', `Show ${id} does not exist.`);

export const capacityBelowBooked = (showId: number, seatsBooked: number): ConflictError =>
  new ConflictError(
    'SHOW.CAPACITY_BELOW_BOOKED',
    `Show ${showId} already has ${seatsBooked} seats booked; capacity cannot go below that.`,
    { showId, seatsBooked },
  );

export const endsBeforeStart = (): ValidationError =>
  new ValidationError([{ field: 'endsAt', message: 'endsAt must be later than startsAt' }]);

export const badDateTime = (field: string): ValidationError =>
  new ValidationError([{ field, message: `${field} is not a valid date-time` }]);
