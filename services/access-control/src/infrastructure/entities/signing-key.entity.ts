import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';
import type { SealedJwk } from '../signing-key.cipher';

/**
 * A token-signing key pair. The private JWK is stored in plain text for now: anyone who can read
 * this table can mint access tokens, so the database (and its backups) must be treated as secret.
 * Encrypting it at rest with a key from a secret manager or KMS is a planned hardening step.
 */
@Entity({ name: 'signing_key' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid: string;

  @Column('text')
  algorithm: string;

  /** Sealed (SigningKeyCipher); a plain JWK only in a row stored before keys were sealed, until the store opens. */
  @Column('jsonb', { name: 'private_jwk' })
  privateJwk: SealedJwk | JWK;

  @Column('jsonb', { name: 'public_jwk' })
  publicJwk: JWK;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;

  /** When a key made by a rotation starts signing; until then it is only published. */
  @Column('timestamptz', { name: 'activates_at', nullable: true })
  activatesAt: Date | null;
}
