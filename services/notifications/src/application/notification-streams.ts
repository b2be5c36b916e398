import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ALERT_STORE, type AlertReader, type AlertStore, type KeptAlert } from './alert-store.port';

/** How a replica hears that some replica committed new alerts (alert-signals.listener.ts: PostgreSQL LISTEN/NOTIFY). */
export interface NewAlertSignals {
  /** Calls `listener` after alerts were committed, and whenever a signal may have been missed; returns the unsubscription. */
  onNewAlerts(listener: () => void): () => void;
}

export const NEW_ALERT_SIGNALS = Symbol('NEW_ALERT_SIGNALS');

export interface StreamSettings {
  /** A comment line this often keeps the connection (and every proxy on the way) from timing out, and checks for alerts. */
  heartbeatMs: number;
}

export const STREAM_SETTINGS = Symbol('STREAM_SETTINGS');

/** Where a stream writes: the HTTP answer, as server-sent events. */
export interface AlertSink {
  alert(alert: KeptAlert): void;
  heartbeat(): void;
  end(): void;
}

/** A Last-Event-ID this service gave: an alert id, or 0 (before every alert). */
export function isStreamPosition(value: string): boolean {
  return /^(0|[1-9][0-9]{0,17})$/.test(value);
}

/** Alerts read per query while a stream catches up. */
const CATCH_UP_BATCH = 100;

/**
 * The live notifications of the users connected to this replica (`GET /notifications/stream`).
 * Each stream sends the reader's alerts after its position, in id order, whenever any replica
 * commits alerts (and at each heartbeat, in case a signal was missed); because ids are committed in
 * order (alert.repository.ts), "after the last id sent" misses nothing and a reconnect with
 * Last-Event-ID resumes exactly there.
 */
@Injectable()
export class NotificationStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<OpenStream>();

  constructor(
    @Inject(ALERT_STORE) private readonly store: AlertStore,
    @Inject(NEW_ALERT_SIGNALS) private readonly signals: NewAlertSignals,
    @Inject(STREAM_SETTINGS) private readonly settings: StreamSettings,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /**
   * Starts a stream of the reader's alerts after `lastEventId` (after the newest alert now, when the
   * client sends none); returns what closes it (the client went away).
   */
  async start(reader: AlertReader, lastEventId: string | undefined, sink: AlertSink): Promise<() => void> {
    const after = lastEventId !== undefined && isStreamPosition(lastEventId) ? lastEventId : await this.store.newestId();
    const stream = new OpenStream(reader, after, sink, this.store);
    this.open.add(stream);
    const unsubscribe = this.signals.onNewAlerts(() => stream.pump());
    const heartbeat = setInterval(() => {
      sink.heartbeat();
      stream.pump();
    }, this.settings.heartbeatMs);
    stream.onClose(() => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(stream);
    });
    stream.pump();
    return () => stream.close();
  }

  /** A stopping replica ends its streams: the clients reconnect, with Last-Event-ID, to another. */
  beforeApplicationShutdown(): void {
    for (const stream of [...this.open]) stream.close(true);
  }
}

class OpenStream {
  private pumping = false;
  private again = false;
  private closed = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly reader: AlertReader,
    private after: string,
    private readonly sink: AlertSink,
    private readonly store: AlertStore,
  ) {}

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Sends what came after the last alert sent; one query at a time, once more if asked meanwhile. */
  pump(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.catchUp().finally(() => {
      this.pumping = false;
      if (this.again && !this.closed) {
        this.again = false;
        this.pump();
      }
    });
  }

  close(endSink = false): void {
    if (this.closed) return;
    this.closed = true;
    if (endSink) this.sink.end();
    for (const listener of this.closeListeners) listener();
  }

  private async catchUp(): Promise<void> {
    try {
      for (;;) {
        const alerts = await this.store.after(this.reader, this.after, CATCH_UP_BATCH);
        for (const alert of alerts) {
          if (this.closed) return;
          this.sink.alert(alert);
          this.after = alert.id;
        }
        if (alerts.length < CATCH_UP_BATCH) return;
      }
    } catch {
      // The database unreachable for a moment: the next signal or heartbeat tries again from the same position.
    }
  }
}
