import './tracing';
import { runService } from '@cms/service-defaults';
import { accessControlService } from './service';

void runService(accessControlService);
