import './tracing';
import { runService } from '@cms/service-defaults';
import { siteVisitsService } from './service';

void runService(siteVisitsService);
