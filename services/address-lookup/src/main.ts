import './tracing';
import { runService } from '@cms/service-defaults';
import { addressLookupService } from './service';

void runService(addressLookupService);
