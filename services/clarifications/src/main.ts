import './tracing';
import { runService } from '@cms/service-defaults';
import { clarificationsService } from './service';

void runService(clarificationsService);
