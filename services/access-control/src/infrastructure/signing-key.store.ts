import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ACCESS_TOKEN_ALGORITHM } from '@cms/auth';
import { SigningKeyEntity } from './entities/signing-key.entity';

// Stable key for the advisory lock under which the first replica to start creates the first key.
const SIGNING_KEY_LOCK_KEY = 4_271_000_101;

/**
 * A retired key stays in the JWKS this long, so tokens it signed before a rotation still verify
 * until they expire (access tokens live minutes; verifiers cache the JWKS briefly).
 */
const RETIRED_KEY_PUBLISHED_HOURS = 24;

export interface ActiveSigningKey {
  kid: string;
  privateKey: KeyLike;
}

/** A public key as published in the JWKS. */
export type PublishedKey = JWK & { kid: string; alg: string; use: 'sig' };

/**
 * The token-signing keys, kept in this service's database. At first start one ES256 key pair is
 * generated; with several replicas starting together, an advisory lock (and a unique index on the
 * active key) makes sure only one is created. The private key is stored unencrypted for now: see
 * SigningKeyEntity.
 */
export class SigningKeyStore {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly active: ActiveSigningKey,
  ) {}

  static async open(dataSource: DataSource, logger: Logger): Promise<SigningKeyStore> {
    const key = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SIGNING_KEY_LOCK_KEY]);
      const existing = await manager.findOne(SigningKeyEntity, { where: { active: true } });
      if (existing) return existing;
      const created = await generateSigningKey();
      await manager.insert(SigningKeyEntity, created);
      logger.info({ kid: created.kid }, 'generated the first token-signing key');
      return created;
    });
    const privateKey = (await importJWK(key.privateJwk, ACCESS_TOKEN_ALGORITHM)) as KeyLike;
    return new SigningKeyStore(dataSource, { kid: key.kid, privateKey });
  }

  /** The key that signs new tokens. */
  activeKey(): ActiveSigningKey {
    return this.active;
  }

  /** The public keys of the active key and of keys retired recently, newest first. */
  async publishedKeys(): Promise<PublishedKey[]> {
    const rows: { public_jwk: PublishedKey }[] = await this.dataSource.query(
      `SELECT public_jwk FROM signing_key
        WHERE active OR retired_at > now() - make_interval(hours => $1)
        ORDER BY created_at DESC`,
      [RETIRED_KEY_PUBLISHED_HOURS],
    );
    return rows.map((row) => row.public_jwk);
  }
}

async function generateSigningKey(): Promise<SigningKeyEntity> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  // The RFC 7638 thumbprint: a stable id derived from the key itself.
  const kid = await calculateJwkThumbprint(publicJwk);
  const labels = { kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' as const };
  const entity = new SigningKeyEntity();
  entity.kid = kid;
  entity.algorithm = ACCESS_TOKEN_ALGORITHM;
  entity.publicJwk = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y, ...labels };
  entity.privateJwk = { ...(await exportJWK(privateKey)), ...labels };
  entity.createdAt = new Date();
  entity.active = true;
  entity.retiredAt = null;
  return entity;
}
