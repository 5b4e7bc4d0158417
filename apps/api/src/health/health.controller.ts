import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { HealthService } from './health.service';

/** GET /health for load balancers and compose: 200 when up, 503 with details when not. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(HealthService) private readonly service: HealthService,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    const report = await this.service.report();
    return this.health.check([
      () => {
        const database = this.indicators.check('database');
        return report.databaseReachable
          ? database.up({ latencyMs: report.databaseLatencyMs })
          : database.down({ message: report.error ?? 'unreachable' });
      },
      () => {
        const eventStore = this.indicators.check('eventStore');
        return report.eventStoreHead === null
          ? eventStore.down({ message: 'head position unknown' })
          : eventStore.up({
              headPosition: report.eventStoreHead.toString(),
              subscriptions: report.subscriptions.map((s) => ({ name: s.name, lag: s.lag.toString() })),
            });
      },
    ]);
  }
}
