import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { allConfigs } from './config';

/** Typed config namespaces; inject with `@Inject(appConfig.KEY) cfg: AppConfig`. */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: allConfigs })],
  exports: [ConfigModule],
})
export class AppConfigModule {}
