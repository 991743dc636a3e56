import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';

/**
 * Examples for the main payloads, by schema name, kept in one place so Swagger UI's "Example
 * Value" and the client docs show a realistic booking flow. Applied only to a schema that has no
 * example of its own and whose properties still match (a renamed or reshaped DTO simply loses
 * its example); `npm run openapi:lint` validates every example against its schema
 * (`no-invalid-schema-examples`).
 */
const VENUE = {
  id: 7,
  name: 'Prithvi Theatre',
  location: 'Juhu, Mumbai',
  city: 'Mumbai',
  capacity: 200,
  timezone: 'Asia/Kolkata',
};
const { capacity: _capacity, ...VENUE_SUMMARY } = VENUE;
const SHOW = {
  id: 42,
  venueId: 7,
  venue: VENUE_SUMMARY,
  name: 'Hamlet',
  language: 'English',
  genre: 'Drama',
  rating: 8.5,
  price: 450,
  startsAt: '2026-12-24T19:30:00+05:30',
  endsAt: '2026-12-24T22:00:00+05:30',
  capacity: 200,
  seatsBooked: 120,
  seatsAvailable: 80,
};
const BOOKING = {
  id: 1001,
  userId: 12,
  showId: 42,
  show: {
    id: 42,
    name: 'Hamlet',
    startsAt: SHOW.startsAt,
    endsAt: SHOW.endsAt,
    venue: { id: 7, name: VENUE.name, location: VENUE.location, timezone: VENUE.timezone },
  },
  seats: 2,
  unitPrice: 450,
  totalPrice: 900,
  status: 'confirmed',
  createdAt: '2026-12-03T18:05:00+05:30',
  cancelledAt: null,
};
const page = (item: object): object => ({ items: [item], total: 1, limit: 20, offset: 0 });

export const SCHEMA_EXAMPLES: Record<string, object> = {
  VenueResponse: VENUE,
  VenueSummaryResponse: VENUE_SUMMARY,
  VenuePageResponse: page(VENUE),
  CreateVenueDto: { name: VENUE.name, location: VENUE.location, city: 'Mumbai', capacity: 200 },
  UpdateVenueDto: { capacity: 220 },
  ShowResponse: SHOW,
  ShowPageResponse: page(SHOW),
  CreateShowDto: {
    name: 'Hamlet',
    language: 'English',
    genre: 'Drama',
    rating: 8.5,
    price: 450,
    startsAt: '2026-12-24T19:30:00',
    endsAt: '2026-12-24T22:00:00',
  },
  UpdateShowDto: { price: 500 },
  CreateBookingDto: { showId: 42, seats: 2 },
  BookingResponse: BOOKING,
  BookingPageResponse: page(BOOKING),
  RefreshTokenDto: { refreshToken: 'rt_3f9c2e1b7a.Yz8Qm2pL0sVx' },
  ExportCreatedDto: { id: '5b0c1f4e-8d2a-4c7e-9f3b-2a6d8e1c0b57', status: 'queued' },
  ExportResponseDto: {
    id: '5b0c1f4e-8d2a-4c7e-9f3b-2a6d8e1c0b57',
    venueId: 7,
    status: 'done',
    progress: 100,
    rowCount: 31,
    createdAt: '2026-12-03T12:00:00.000Z',
    startedAt: '2026-12-03T12:00:01.000Z',
    finishedAt: '2026-12-03T12:00:03.000Z',
  },
};

function fits(schema: SchemaObject, example: object): boolean {
  const properties = Object.keys(schema.properties ?? {});
  const keys = Object.keys(example);
  return (
    keys.every((key) => properties.includes(key)) &&
    (schema.required ?? []).every((key) => keys.includes(key))
  );
}

function hasOwnExamples(schema: SchemaObject): boolean {
  return (
    schema.example !== undefined ||
    Object.values(schema.properties ?? {}).some((p) => 'example' in p)
  );
}

export function applyExamples(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const [name, example] of Object.entries(SCHEMA_EXAMPLES)) {
    const schema = schemas[name];
    if (!schema || '$ref' in schema || hasOwnExamples(schema) || !fits(schema, example)) continue;
    schema.example = example;
  }
}
