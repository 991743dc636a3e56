import { Module } from '@nestjs/common';

/** The seed Flask app's routes, mapped onto the same services (deprecated, `legacy` tag). */
@Module({})
export class CompatModule {}
