import './tracing';
import { runService } from '@cms/service-defaults';
import { {{camelName}}Service } from './service';

void runService({{camelName}}Service);
