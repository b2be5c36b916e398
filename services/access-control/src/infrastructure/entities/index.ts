import { OrganisationEntity } from './organisation.entity';
import { RefreshSessionEntity } from './refresh-session.entity';
import { SigningKeyEntity } from './signing-key.entity';
import { UserAccountEntity } from './user-account.entity';

export { OrganisationEntity, RefreshSessionEntity, SigningKeyEntity, UserAccountEntity };

export const accessControlEntities = [OrganisationEntity, UserAccountEntity, RefreshSessionEntity, SigningKeyEntity];
