import { CursorParam, PageSizeParam, UuidParam } from '@cms/service-defaults';

export const MAX_USERS_PAGE_SIZE = 100;
export const DEFAULT_USERS_PAGE_SIZE = 50;

export class ListUsersQuery {
  @PageSizeParam({ max: MAX_USERS_PAGE_SIZE, default: DEFAULT_USERS_PAGE_SIZE })
  limit?: number;

  @CursorParam()
  cursor?: string;

  @UuidParam('CDSP administrators only: list another organisation’s users. Anyone else gets 404 for another organisation.')
  organisationId?: string;
}
