import { ConflictError, NotFoundError } from '../common/errors';

export const usernameTaken = (): ConflictError =>
  new ConflictError('USER.USERNAME_TAKEN', 'That username is already taken.');

export const emailTaken = (): ConflictError =>
  new ConflictError('USER.EMAIL_TAKEN', 'An account with that email already exists.');

export const userNotFound = (username: string): NotFoundError =>
  new NotFoundError('USER.NOT_FOUND', `No user named ${username}.`);

export const lastAdmin = (): ConflictError =>
  new ConflictError(
    'USER.LAST_ADMIN',
    'This is the only admin; promote someone else before demoting them.',
  );
