import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { ContactResolvedV1, Topics } from '@cms/contracts';
import { PlatformModule } from '@cms/service-defaults';
import { ApplyContactOutcomeHandler } from './application/apply-contact-outcome.handler';
import { MeterPointLookup } from './application/meter-point-lookup';
import { METER_POINT_REGISTER } from './application/meter-point-register.port';
import { METER_POINT_STATUS_CHANGES } from './application/meter-point-status-changes.port';
import { MeterPointStatusesController } from './http/meter-point-statuses.controller';
import { MeterPointsController } from './http/meter-points.controller';
import { ContactEventsConsumer } from './infrastructure/contact-events.consumer';
import { ExtractImportOnStart } from './infrastructure/extract-import-on-start';
import { MeterPointStatusChangeRepository } from './infrastructure/meter-point-status-change.repository';
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
        // MeterPointStatusChanged and its refusal, answering a contact's outcome.
        // A contact resolved VALID changes the meter point's status (docs/domain.md, "Outcome").
        consumes: [{ name: 'contact-outcomes', topics: [Topics.contacts], eventTypes: [ContactResolvedV1.type], handler: ContactEventsConsumer }],
        // Reference data: any signed-in caller may read it, partner systems included.
        partnerScopes: { resource: 'meter-points', readsOpenToAllPartners: true },
      }),
    ],
    controllers: [MeterPointsController, MeterPointStatusesController],
    providers: [
      MeterPointLookup,
      ApplyContactOutcomeHandler,
      { provide: METER_POINT_REGISTER, useClass: TypeOrmMeterPointRegister },
      { provide: METER_POINT_STATUS_CHANGES, useClass: MeterPointStatusChangeRepository },
      ExtractImportOnStart,
      ContactEventsConsumer,
    ],
  })
  class MeterPointsModule {}
  return MeterPointsModule;
}
