import './tracing';
import { runService } from '@cms/service-defaults';
import { notificationsService } from './service';

void runService(notificationsService);
