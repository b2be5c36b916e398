import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Topics } from '@cms/contracts';
import { DATA_SOURCE, PlatformModule } from '@cms/service-defaults';
import { MeterPointLookup } from './application/meter-point-lookup';
import { METER_POINT_REGISTER, type MeterPointRegister } from './application/meter-point-register.port';
import { ExtractImportOnStart, METER_POINTS_SETTINGS } from './infrastructure/extract-import-on-start';
import { MeterPointStatusEntity } from './infrastructure/meter-point-status.entity';
import { MeterPointEntity } from './infrastructure/meter-point.entity';
import { meterPointsMigrations } from './infrastructure/migrations';
import { TypeOrmMeterPointRegister } from './infrastructure/typeorm-meter-point-register';
import { MeterPointStatusesController } from './http/meter-point-statuses.controller';
import { MeterPointsController } from './http/meter-points.controller';
import { logger, SERVICE_NAME } from './logger';
import { loadMeterPointsSettings } from './meter-points.settings';

/**
 * The meter point register (the UK Link stand-in). Reads the platform settings when this file is
 * loaded: import it after the environment is set (main.ts loads it lazily for that reason).
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: SERVICE_NAME,
      logger,
      entities: [MeterPointEntity, MeterPointStatusEntity],
      migrations: meterPointsMigrations,
      publishesTo: [Topics.meterPoints],
      // Reference data: any signed-in caller may read it, partner systems included.
      partnerScopes: { resource: 'meter-points', readsOpenToAllPartners: true },
    }),
  ],
  controllers: [MeterPointsController, MeterPointStatusesController],
  providers: [
    { provide: METER_POINTS_SETTINGS, useFactory: () => loadMeterPointsSettings() },
    {
      provide: METER_POINT_REGISTER,
      inject: [DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new TypeOrmMeterPointRegister(dataSource),
    },
    {
      provide: MeterPointLookup,
      inject: [METER_POINT_REGISTER],
      useFactory: (register: MeterPointRegister) => new MeterPointLookup(register),
    },
    ExtractImportOnStart,
  ],
})
export class AppModule {}
