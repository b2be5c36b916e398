import { Injectable } from '@nestjs/common';
import type { Secrets } from '../application/secrets.port';
import { clientSecretHash, clientSecretMatches, newClientSecret } from './client-secret';
import { newPasswordResetToken, passwordResetTokenHash } from './password-reset-token';
import { newRefreshToken, refreshTokenHash } from './refresh-token';
import { newTemporaryPassword } from './temporary-password';

/** The one-time secrets, from node:crypto's CSPRNG, and their SHA-256 hashes (see each function for why). */
@Injectable()
export class CryptoSecrets implements Secrets {
  newRefreshToken = newRefreshToken;
  refreshTokenHash = refreshTokenHash;
  newPasswordResetToken = newPasswordResetToken;
  passwordResetTokenHash = passwordResetTokenHash;
  newClientSecret = newClientSecret;
  clientSecretHash = clientSecretHash;
  clientSecretMatches = clientSecretMatches;
  newTemporaryPassword = newTemporaryPassword;
}
