import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { TokenService } from '../../src/auth/token.service';
import { Show } from '../../src/shows/entities/show.entity';
import { User, UserRole } from '../../src/users/entities/user.entity';
import { Venue } from '../../src/venues/entities/venue.entity';
import { TestApp } from './app';

export const TEST_PASSWORD = 'correct-horse-battery-9';
let passwordHash: Promise<string> | undefined;
const unique = (): string => randomBytes(4).toString('hex');

export interface TestUser {
  user: User;
  token: string;
  auth: { Authorization: string };
}

/** A user straight in the database, with a real signed access token. */
export async function createUser(
  t: TestApp,
  overrides: Partial<User> & { role?: UserRole } = {},
): Promise<TestUser> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
  const name = overrides.username ?? `user_${unique()}`;
  const repo = t.ds.getRepository(User);
  const user = await repo.save(
    repo.create({
      username: name,
      email: `${name.toLowerCase()}@example.test`,
      passwordHash: await passwordHash,
      role: 'user',
      ...overrides,
    }),
  );
  const { token } = t.app
    .get(TokenService)
    .signAccessToken({ id: user.id, username: user.username, role: user.role });
  return { user, token, auth: { Authorization: `Bearer ${token}` } };
}

export const createAdmin = (t: TestApp, overrides: Partial<User> = {}): Promise<TestUser> =>
  createUser(t, { ...overrides, role: 'admin' });

export async function createVenue(ds: DataSource, overrides: Partial<Venue> = {}): Promise<Venue> {
  const repo = ds.getRepository(Venue);
  return repo.save(
    repo.create({
      name: `Venue ${unique()}`,
      location: 'Bandra, Mumbai',
      city: 'Mumbai',
      capacity: 100,
      timezone: 'Asia/Kolkata',
      ...overrides,
    }),
  );
}

const HOUR = 3_600_000;

/** A show starting in a day (by default) at a new venue unless one is given. */
export async function createShow(
  ds: DataSource,
  overrides: Partial<Show> & { venue?: Venue } = {},
): Promise<Show> {
  const venue = overrides.venue ?? (await createVenue(ds));
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 24 * HOUR);
  const repo = ds.getRepository(Show);
  const { venue: _venue, ...rest } = overrides;
  return repo.save(
    repo.create({
      venueId: venue.id,
      name: `Show ${unique()}`,
      language: 'English',
      genre: 'Comedy',
      rating: 8,
      price: 250,
      capacity: venue.capacity,
      seatsBooked: 0,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      ...rest,
    }),
  );
}
