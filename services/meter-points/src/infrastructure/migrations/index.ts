import { CreateMeterPointRegister1795424400000 } from './2026-11-23-create-meter-point-register.migration';
import { CreateMeterPointStatusChange1796126400000 } from './2026-12-01-create-meter-point-status-change.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox). */
export const meterPointsMigrations = [CreateMeterPointRegister1795424400000, CreateMeterPointStatusChange1796126400000];
