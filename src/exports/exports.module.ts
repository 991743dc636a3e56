import { BullModule } from '@nestjs/bull';
import { Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { workerOnly } from '../common/roles';
import { VenuesModule } from '../venues/venues.module';
import { VenueExport } from './entities/export.entity';
import { ExportBuilder } from './export-builder.service';
import { ExportDataRepository } from './export-data.repository';
import { ExportRetention } from './export-retention.service';
import { EXPORTS_QUEUE } from './exports.constants';
import { ExportsController } from './exports.controller';
import { ExportsProcessor } from './exports.processor';
import { ExportsRepository } from './exports.repository';
import { ExportsScheduler } from './exports.scheduler';
import { ExportsService } from './exports.service';

/** CSV exports of a venue: HTTP + queue producer everywhere, processor and cron in workers. */
@Module({
  imports: [
    TypeOrmModule.forFeature([VenueExport]),
    BullModule.registerQueue({ name: EXPORTS_QUEUE }),
    VenuesModule,
  ],
  controllers: [ExportsController],
  providers: [
    ExportsService,
    ExportsRepository,
    ExportDataRepository,
    ExportBuilder,
    ExportRetention,
    ...workerOnly<Provider>(ExportsProcessor, ExportsScheduler),
  ],
  exports: [ExportsService],
})
export class ExportsModule {}
