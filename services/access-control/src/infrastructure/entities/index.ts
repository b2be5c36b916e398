import { AdminAuditEntity } from './admin-audit.entity';
import { ApiClientEntity } from './api-client.entity';
import { OrganisationEntity } from './organisation.entity';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { RefreshSessionEntity } from './refresh-session.entity';
import { SigningKeyEntity } from './signing-key.entity';
import { UserAccountEntity } from './user-account.entity';

export { AdminAuditEntity, ApiClientEntity, OrganisationEntity, PasswordResetTokenEntity, RefreshSessionEntity, SigningKeyEntity, UserAccountEntity };

export const accessControlEntities = [
  OrganisationEntity,
  UserAccountEntity,
  RefreshSessionEntity,
  SigningKeyEntity,
  PasswordResetTokenEntity,
  AdminAuditEntity,
  ApiClientEntity,
];
