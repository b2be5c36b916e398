import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@cms/contracts';
import { PlatformModule } from '@cms/service-defaults';
import { MeterPointLookup } from './application/meter-point-lookup';
import { METER_POINT_REGISTER } from './application/meter-point-register.port';
import { MeterPointStatusesController } from './http/meter-point-statuses.controller';
import { MeterPointsController } from './http/meter-points.controller';
import { ExtractImportOnStart } from './infrastructure/extract-import-on-start';
import { MeterPointStatusEntity } from './infrastructure/meter-point-status.entity';
import { MeterPointEntity } from './infrastructure/meter-point.entity';
import { meterPointsMigrations } from './infrastructure/migrations';
import { TypeOrmMeterPointRegister } from './infrastructure/typeorm-meter-point-register';
import type { MeterPointsConfig } from './meter-points.settings';

/** The meter point register (the UK Link stand-in). */
export function meterPointsModule(config: MeterPointsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'meter-points',
        logger,
        entities: [MeterPointEntity, MeterPointStatusEntity],
        migrations: meterPointsMigrations,
        publishes: [Topics.meterPoints],
        // Reference data: any signed-in caller may read it, partner systems included.
        partnerScopes: { resource: 'meter-points', readsOpenToAllPartners: true },
      }),
    ],
    controllers: [MeterPointsController, MeterPointStatusesController],
    providers: [MeterPointLookup, { provide: METER_POINT_REGISTER, useClass: TypeOrmMeterPointRegister }, ExtractImportOnStart],
  })
  class MeterPointsModule {}
  return MeterPointsModule;
}
