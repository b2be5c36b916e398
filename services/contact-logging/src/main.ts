import './tracing';
import { runService } from '@cms/service-defaults';
import { contactLoggingService } from './service';

void runService(contactLoggingService);
