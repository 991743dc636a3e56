import { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin's list of everyone's bookings pages by (created_at DESC, id DESC) without a sort. */
export class BookingsCreatedIndex1764905000000 implements MigrationInterface {
  name = 'BookingsCreatedIndex1764905000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_bookings_created ON bookings (created_at DESC, id DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_bookings_created`);
  }
}
