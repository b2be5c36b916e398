import './tracing';
import { runService } from '@cms/service-defaults';
import { meterPointsService } from './service';

void runService(meterPointsService);
