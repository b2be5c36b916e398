import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { ACCESS_TOKEN_ALGORITHM } from '@cms/auth';
import type { Database, Transactions } from '@cms/service-defaults';
import type { AccessControlConfig } from '../access-control.config';
import { RotationPendingError, type PublishedKey, type Rotation, type SigningKeys } from '../application/token-signing.port';
import { SigningKeyEntity } from './entities/signing-key.entity';
import { isSealed, SigningKeyCipher } from './signing-key.cipher';

export { RotationPendingError, type PublishedKey, type Rotation } from '../application/token-signing.port';

// Stable key for the advisory lock under which keys are created, activated and retired.
const SIGNING_KEY_LOCK_KEY = 4_271_000_101;


export interface SigningKeySettings {
  /** Seals the private halves in the database (SIGNING_KEY_ENCRYPTION_KEY). */
  cipher: SigningKeyCipher;
  /**
   * How long a retired key stays published: its tokens (signed until the retirement, or until
   * another replica noticed it) must still verify until they expire. Access-token lifetime plus a
   * margin for replicas and clocks.
   */
  retiredKeyPublishedSeconds: number;
  /** Rotate on its own when the active key is older than this many days; 0: only when asked. */
  rotationDays: number;
  /** Delay between publishing a key and signing with it, for automatic rotations. */
  activationDelaySeconds: number;
  /**
   * How often a replica looks again for the key it should sign with: after a rotation, every
   * replica signs with the new key within this long of its activation (the retirement margin,
   * at least 10 seconds, covers it).
   */
  activeKeyRecheckMs?: number;
}

/** Runs `work` in one transaction, handing it the transaction's EntityManager. */
export type RunInTransaction = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

const DEFAULT_TIMINGS = { retiredKeyPublishedSeconds: 900, rotationDays: 0, activationDelaySeconds: 120 };
const ACTIVE_KEY_RECHECK_MS = 5_000;

export interface ActiveSigningKey {
  kid: string;
  privateKey: KeyLike;
}

/**
 * The token-signing keys, kept in this service's database. At first start one ES256 key pair is
 * generated; with several replicas starting together, an advisory lock (and a unique index on the
 * active key) makes sure only one is created. The private halves are stored sealed
 * (SigningKeyCipher): a copy of the database alone cannot sign tokens. Keys stored before keys were
 * sealed are sealed when the store opens.
 *
 * Rotation without downtime: the new key is published in the JWKS at once but signs only from
 * `activates_at`, after every verifier has had time to fetch it (the JWKS is cacheable for a minute,
 * and a verifier refetches on an unknown `kid` at most every 30 seconds). At activation the old key
 * is retired and stays published until every token it signed has expired. Exactly one key is active
 * at any time: the switch is one transaction under the advisory lock, guarded by unique indexes.
 */
export class SigningKeyStore implements SigningKeys {
  private active: ActiveSigningKey & { checkedAt: number };
  private refreshing?: Promise<ActiveSigningKey>;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly inTransaction: RunInTransaction,
    private readonly logger: Logger,
    private readonly settings: SigningKeySettings,
    active: ActiveSigningKey,
  ) {
    this.active = { ...active, checkedAt: Date.now() };
  }

  static async open(
    dataSource: DataSource,
    logger: Logger,
    settings: Partial<SigningKeySettings> & Pick<SigningKeySettings, 'cipher'>,
    inTransaction: RunInTransaction = (work) => dataSource.transaction(work),
  ): Promise<SigningKeyStore> {
    const complete: SigningKeySettings = { ...DEFAULT_TIMINGS, ...settings };
    const { cipher } = complete;
    const key = await inTransaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SIGNING_KEY_LOCK_KEY]);
      for (const plain of (await manager.find(SigningKeyEntity)).filter((row) => !isSealed(row.privateJwk))) {
        await manager.update(SigningKeyEntity, { kid: plain.kid }, { privateJwk: cipher.seal(plain.kid, plain.privateJwk as JWK) });
        logger.info({ kid: plain.kid }, 'sealed a token-signing key stored before keys were sealed');
      }
      const existing = await manager.findOne(SigningKeyEntity, { where: { active: true } });
      if (existing) return existing;
      const created = await generateSigningKey(true, null, cipher);
      await manager.insert(SigningKeyEntity, created);
      logger.info({ kid: created.kid }, 'generated the first token-signing key');
      return created;
    });
    return new SigningKeyStore(dataSource, inTransaction, logger, complete, { kid: key.kid, privateKey: await importPrivateKey(key, cipher) });
  }

  /** The key this replica last found active (it may be a few seconds behind a rotation). */
  activeKey(): ActiveSigningKey {
    return this.active;
  }

  /**
   * The key that signs new tokens, looked up afresh every few seconds: a key whose activation time
   * has come is activated (by whichever replica gets there first), and this replica switches to it.
   */
  async signingKey(): Promise<ActiveSigningKey> {
    if (Date.now() - this.active.checkedAt < (this.settings.activeKeyRecheckMs ?? ACTIVE_KEY_RECHECK_MS)) return this.active;
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /**
   * Makes a new key, published at once and signing after `activationDelaySeconds`. Refused while
   * another rotation is still waiting. `record` runs in the same transaction (the audit record).
   */
  async rotate(activationDelaySeconds: number, record?: (rotation: Rotation, manager: EntityManager) => Promise<void>): Promise<Rotation> {
    const created = await generateSigningKey(false, null, this.settings.cipher);
    const rotation = await this.inTransaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SIGNING_KEY_LOCK_KEY]);
      const pending = await pendingKey(manager);
      if (pending) throw new RotationPendingError(pending.kid);
      const active = await manager.findOneOrFail(SigningKeyEntity, { where: { active: true } });
      const [{ at }]: { at: Date }[] = await manager.query(`SELECT now() + make_interval(secs => $1) AS at`, [activationDelaySeconds]);
      created.activatesAt = at;
      await manager.insert(SigningKeyEntity, created);
      const result: Rotation = { kid: created.kid, retiringKid: active.kid, activatesAt: at };
      await record?.(result, manager);
      return result;
    });
    this.logger.info({ event: 'signing-key.rotation', ...rotation }, 'new token-signing key published');
    // Look again at the next signature: with no delay the new key signs from now on.
    this.active.checkedAt = 0;
    return rotation;
  }

  /** The public keys of the active key, of a key waiting to sign, and of keys retired within the retention window; newest first. */
  async publishedKeys(): Promise<PublishedKey[]> {
    const rows: { public_jwk: PublishedKey }[] = await this.dataSource.query(
      `SELECT public_jwk FROM signing_key
        WHERE active OR retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
        ORDER BY created_at DESC`,
      [this.settings.retiredKeyPublishedSeconds],
    );
    return rows.map((row) => row.public_jwk);
  }

  private async refresh(): Promise<ActiveSigningKey> {
    const checkedAt = Date.now();
    const [due]: { activation_due: boolean; rotation_due: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM signing_key WHERE NOT active AND retired_at IS NULL AND activates_at <= now()) AS activation_due,
              ($1 > 0 AND NOT EXISTS (SELECT 1 FROM signing_key WHERE NOT active AND retired_at IS NULL)
                      AND EXISTS (SELECT 1 FROM signing_key WHERE active AND created_at < now() - make_interval(days => $1))) AS rotation_due`,
      [this.settings.rotationDays],
    );
    if (due.activation_due) await this.activateDueKey();
    if (due.rotation_due) await this.rotateAutomatically();
    const row = await this.dataSource.manager.findOneOrFail(SigningKeyEntity, { where: { active: true } });
    if (row.kid !== this.active.kid) {
      this.active = { kid: row.kid, privateKey: await importPrivateKey(row, this.settings.cipher), checkedAt };
      this.logger.info({ event: 'signing-key.switched', kid: row.kid }, 'signing with a new key');
    } else {
      this.active.checkedAt = checkedAt;
    }
    return this.active;
  }

  private async activateDueKey(): Promise<void> {
    await this.inTransaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SIGNING_KEY_LOCK_KEY]);
      const pending = await pendingKey(manager);
      // Another replica may have activated it meanwhile.
      if (!pending?.activatesAt || pending.activatesAt > (await databaseNow(manager))) return;
      await manager.query(`UPDATE signing_key SET active = false, retired_at = now() WHERE active`);
      await manager.query(`UPDATE signing_key SET active = true WHERE kid = $1`, [pending.kid]);
      this.logger.info({ event: 'signing-key.activated', kid: pending.kid }, 'token-signing key activated; the previous one is retired');
    });
  }

  private async rotateAutomatically(): Promise<void> {
    try {
      await this.rotate(this.settings.activationDelaySeconds, async (rotation, manager) => {
        await manager.query(
          `INSERT INTO admin_audit (occurred_at, actor_user_id, action, organisation_id, subject_user_id, details)
           VALUES (now(), NULL, 'SIGNING_KEY_ROTATED', NULL, NULL, $1)`,
          [{ ...rotation, automatic: true, rotationDays: this.settings.rotationDays }],
        );
      });
    } catch (error) {
      // Another replica started the same rotation first.
      if (!(error instanceof RotationPendingError)) throw error;
    }
  }
}

/**
 * The service's store, opened as it starts (the first key is made if there is none): its
 * transactions are the kit's (`Transactions.run`), so that the audit record of a rotation, written
 * through `Database`, commits with it.
 */
export function openSigningKeyStore(
  database: Database,
  transactions: Transactions,
  config: AccessControlConfig,
  logger: Logger,
): Promise<SigningKeyStore> {
  return SigningKeyStore.open(
    database.dataSource,
    logger,
    {
      cipher: new SigningKeyCipher(config.SIGNING_KEY_ENCRYPTION_KEY),
      retiredKeyPublishedSeconds: config.ACCESS_TOKEN_TTL_SECONDS + config.SIGNING_KEY_RETIREMENT_MARGIN_SECONDS,
      rotationDays: config.SIGNING_KEY_ROTATION_DAYS,
      activationDelaySeconds: config.SIGNING_KEY_ACTIVATION_DELAY_SECONDS,
    },
    (work) => transactions.run(() => work(database.manager)),
  );
}

async function pendingKey(manager: EntityManager): Promise<SigningKeyEntity | null> {
  return manager
    .createQueryBuilder(SigningKeyEntity, 'key')
    .where('NOT key.active AND key.retired_at IS NULL')
    .getOne();
}

async function databaseNow(manager: EntityManager): Promise<Date> {
  const [{ now }]: { now: Date }[] = await manager.query('SELECT now() AS now');
  return now;
}

async function importPrivateKey(key: SigningKeyEntity, cipher: SigningKeyCipher): Promise<KeyLike> {
  const jwk = isSealed(key.privateJwk) ? cipher.open(key.kid, key.privateJwk) : key.privateJwk;
  return (await importJWK(jwk, ACCESS_TOKEN_ALGORITHM)) as KeyLike;
}

async function generateSigningKey(active: boolean, activatesAt: Date | null, cipher: SigningKeyCipher): Promise<SigningKeyEntity> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  // The RFC 7638 thumbprint: a stable id derived from the key itself.
  const kid = await calculateJwkThumbprint(publicJwk);
  const labels = { kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' as const };
  const entity = new SigningKeyEntity();
  entity.kid = kid;
  entity.algorithm = ACCESS_TOKEN_ALGORITHM;
  entity.publicJwk = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y, ...labels };
  entity.privateJwk = cipher.seal(kid, { ...(await exportJWK(privateKey)), ...labels });
  entity.createdAt = new Date();
  entity.active = active;
  entity.retiredAt = null;
  entity.activatesAt = activatesAt;
  return entity;
}
