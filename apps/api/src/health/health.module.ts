import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HeadPublisher } from './head-publisher';
import { HealthController } from './health.controller';
import { HealthResolver } from './health.resolver';
import { HealthService } from './health.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthService, HeadPublisher, HealthResolver],
})
export class HealthModule {}
