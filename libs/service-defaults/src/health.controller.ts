import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@cms/auth';
import { Registry } from 'prom-client';
import { metricsRegistry } from '@cms/observability';
import { processShutdown } from './graceful-shutdown';
import { PlatformMetrics } from './platform.metrics';

/** Something the service needs to do its work (its database, the broker). */
export interface ReadinessCheck {
  name: string;
  isReady(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * `/health/live`: the process is running (restart it if not).
 * `/health/ready`: it can serve now, its dependencies answer (route traffic to it only if so); 503
 *   from the moment it is told to stop.
 * `/metrics`: Prometheus exposition: the process's metrics, and with the service kit its own
 *   (PlatformMetrics: outbox, consumer lag, due timers, read at each scrape). README "Health and metrics".
 */
@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    // Absent at the gateway, which has no database of its own.
    @Optional() @Inject(PlatformMetrics) private readonly platformMetrics?: PlatformMetrics,
  ) {}

  @Get('health/live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('health/ready')
  async ready(@Res() response: Response): Promise<void> {
    if (processShutdown.isDraining) {
      // Stopping: take no new work, whatever the dependencies say.
      response.status(503).json({ status: 'draining', checks: {} });
      return;
    }
    const results = await Promise.all(
      this.checks.map(async (check) => [check.name, await check.isReady().catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    response.status(ready ? 200 : 503).json({
      status: ready ? 'up' : 'down',
      checks: Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'up' : 'down'])),
    });
  }

  @Get('metrics')
  async metrics(@Res() response: Response): Promise<void> {
    const registry = this.platformMetrics ? Registry.merge([metricsRegistry, this.platformMetrics.registry]) : metricsRegistry;
    response.type(registry.contentType).send(await registry.metrics());
  }
}
