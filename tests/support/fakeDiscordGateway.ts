// The fake Discord's gateway: a v10 JSON WebSocket (optionally zlib-stream compressed) speaking
// HELLO → IDENTIFY → READY (+ GUILD_CREATE) and RESUME → replay → RESUMED, with heartbeats,
// sequence numbers and a replay buffer, plus fault hooks (close codes, RECONNECT, INVALID_SESSION,
// silent heartbeat ACKs, dropped TCP connections). One session per shard: IDENTIFY's `shard: [id,
// count]` picks it (count must be the configured shard count); without sharding there is only
// shard 0, which the fault hooks and the shard-less dispatch methods act on.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type { GatewayIdentifyData, GatewayResumeData } from 'discord-api-types/v10';
import type { ChangeSignal } from './changeSignal.js';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;
/** Dispatches kept per session for replay on RESUME. */
const REPLAY_BUFFER_LIMIT = 1_000;
/** ws' readyState for an open socket (avoids importing the runtime WebSocket class). */
const WS_OPEN = 1;
/** Client close codes after which Discord forgets the session (a clean close is a logout). */
const SESSION_ENDING_CLIENT_CLOSE_CODES = new Set([1000, 1001]);
/** Server close codes after which the session cannot be resumed. */
const SESSION_ENDING_SERVER_CLOSE_CODES = new Set<number>([
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidSeq,
  GatewayCloseCodes.SessionTimedOut,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

export type GatewayLogEntry =
  | { kind: 'connect'; connectionId: number; url: string; at: number }
  | { kind: 'disconnect'; connectionId: number; code: number; reason: string; by: 'client' | 'server'; at: number }
  | { kind: 'receive'; connectionId: number; op: number; d: unknown; at: number }
  | { kind: 'send'; connectionId: number; op: number; t: string | null; s: number | null; at: number };

export interface DispatchEvent {
  t: string;
  d: unknown;
}

export interface DispatchResult {
  /** Sequence number given to the dispatch. */
  s: number;
  /** True when it was written to a live connection; false when only buffered for a RESUME. */
  live: boolean;
  /** performance.now() when it was handed to the socket (or buffered). */
  sentAt: number;
}

export interface FakeGatewayOptions {
  token: string;
  apiVersion: number;
  heartbeatIntervalMs: number;
  /** Sent as READY's resume_gateway_url. */
  resumeGatewayUrl: string;
  /** How many shards the bot must identify as (IDENTIFY's `shard[1]`); default 1. */
  shardCount?: number;
  /** The dispatches that follow a successful IDENTIFY of a shard: READY first, then GUILD_CREATEs. */
  buildIdentifyDispatches: (sessionId: string, shard: [id: number, count: number]) => DispatchEvent[];
  signal: ChangeSignal;
  log?: (line: string) => void;
}

interface GatewayFrame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

interface Connection {
  id: number;
  ws: WebSocket;
  url: string;
  sessionId: string | null;
  deflate: zlib.Deflate | null;
  /** Serialises sends so compressed frames (and sequence numbers) stay in order. */
  sendChain: Promise<void>;
  closingByServer: boolean;
}

interface Session {
  id: string;
  shard: [id: number, count: number];
  seq: number;
  events: GatewayFrame[];
  connection: Connection | null;
}

export class FakeGateway {
  readonly log: GatewayLogEntry[] = [];
  readonly identifies: GatewayIdentifyData[] = [];
  readonly resumes: GatewayResumeData[] = [];

  readonly #options: FakeGatewayOptions;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  /** Sessions by shard id. */
  readonly #sessions = new Map<number, Session>();
  #nextConnectionId = 1;
  #ackHeartbeats = true;

  constructor(options: FakeGatewayOptions) {
    this.#options = options;
  }

  /** Hand an HTTP upgrade request (already matched to a gateway path) to the WebSocket server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req.url ?? '/'));
  }

  /** Shard 0's session id, or null before the first IDENTIFY / after it was invalidated. */
  get sessionId(): string | null {
    return this.#sessions.get(0)?.id ?? null;
  }

  /** True while an identified or resumed connection is open (of any shard). */
  get isConnected(): boolean {
    return this.connectedShards().length > 0;
  }

  /** The ids of the shards with an identified or resumed connection open. */
  connectedShards(): number[] {
    return [...this.#sessions.values()].filter((s) => s.connection?.ws.readyState === WS_OPEN).map((s) => s.shard[0]);
  }

  /** The shard whose session receives a guild's events: (guild id >> 22) % shard count, as Discord; 0 when no session has it. */
  shardOfGuild(guildId: string): number {
    for (const session of this.#sessions.values()) {
      const [id, count] = session.shard;
      if (shardOfGuild(guildId, count) === id) return id;
    }
    return 0;
  }

  get heartbeatCount(): number {
    return this.log.filter((e) => e.kind === 'receive' && e.op === GatewayOpcodes.Heartbeat).length;
  }

  /**
   * Sends a dispatch with the next sequence number. Buffered for replay if the bot is between
   * connections (as Discord does); throws if the bot never identified.
   */
  async dispatch(t: string, d: unknown, shardId = 0): Promise<DispatchResult> {
    const session = this.#sessions.get(shardId);
    if (!session) throw new Error(`Cannot dispatch ${t}: the bot has no gateway session for shard ${shardId} (did it log in?)`);
    const frame: GatewayFrame = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.events.push(frame);
    if (session.events.length > REPLAY_BUFFER_LIMIT) session.events.shift();
    const connection = session.connection;
    if (!connection || connection.ws.readyState !== WS_OPEN) {
      return { s: frame.s ?? 0, live: false, sentAt: performance.now() };
    }
    const sentAt = await this.#send(connection, frame);
    return { s: frame.s ?? 0, live: true, sentAt };
  }

  /**
   * Sends many dispatches back to back, as fast as the socket takes them: every frame is written
   * before the first write completes (no round trip through the event loop between frames), so a
   * burst reaches the bot as one stream. Sequence numbers and replay buffering as dispatch().
   */
  async dispatchMany(events: readonly DispatchEvent[], shardId = 0): Promise<DispatchResult[]> {
    const session = this.#sessions.get(shardId);
    if (!session)
      throw new Error(`Cannot dispatch ${events.length} events: the bot has no gateway session for shard ${shardId} (did it log in?)`);
    const frames = events.map((event): GatewayFrame => ({ op: GatewayOpcodes.Dispatch, t: event.t, s: ++session.seq, d: event.d }));
    session.events.push(...frames);
    if (session.events.length > REPLAY_BUFFER_LIMIT) session.events.splice(0, session.events.length - REPLAY_BUFFER_LIMIT);
    const connection = session.connection;
    if (!connection || connection.ws.readyState !== WS_OPEN) {
      const at = performance.now();
      return frames.map((frame) => ({ s: frame.s ?? 0, live: false, sentAt: at }));
    }
    const sentAt = await this.#sendMany(connection, frames);
    return frames.map((frame, index) => ({ s: frame.s ?? 0, live: true, sentAt: sentAt[index] ?? performance.now() }));
  }

  // --- fault hooks -------------------------------------------------------------------------

  /** Close the live connection with a close frame (default 4000 Unknown error → client resumes). */
  closeConnection(code: number = GatewayCloseCodes.UnknownError, reason = 'fake Discord closed the connection'): void {
    const connection = this.#liveConnection('closeConnection');
    connection.closingByServer = true;
    if (SESSION_ENDING_SERVER_CLOSE_CODES.has(code)) this.#sessions.delete(0);
    connection.ws.close(code, reason);
  }

  /** Drop the TCP connection without a close frame (the client sees 1006). */
  dropConnection(): void {
    const connection = this.#liveConnection('dropConnection');
    connection.closingByServer = true;
    connection.ws.terminate();
  }

  /** Send op 7 RECONNECT: the client should close and RESUME on resume_gateway_url. */
  async requestReconnect(): Promise<void> {
    await this.#send(this.#liveConnection('requestReconnect'), { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /** Send op 9 INVALID_SESSION; when not resumable the session is forgotten and the client must IDENTIFY. */
  async invalidateSession(resumable: boolean): Promise<void> {
    const connection = this.#liveConnection('invalidateSession');
    if (!resumable) this.#sessions.delete(0);
    await this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
  }

  /** Stop (false) or resume (true) answering heartbeats with op 11 HEARTBEAT_ACK. */
  setHeartbeatAcks(enabled: boolean): void {
    this.#ackHeartbeats = enabled;
  }

  async close(): Promise<void> {
    for (const connection of this.#connections) {
      connection.ws.terminate();
      connection.deflate?.close();
    }
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  // --- connection handling -----------------------------------------------------------------

  #onConnection(ws: WebSocket, url: string): void {
    const params = new URL(url, 'ws://fake.invalid').searchParams;
    const connection: Connection = {
      id: this.#nextConnectionId++,
      ws,
      url,
      sessionId: null,
      deflate: params.get('compress') === 'zlib-stream' ? zlib.createDeflate() : null,
      sendChain: Promise.resolve(),
      closingByServer: false,
    };
    this.#connections.add(connection);
    this.#record({ kind: 'connect', connectionId: connection.id, url, at: Date.now() });

    ws.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    ws.on('close', (code, reason) => this.#onClose(connection, code, reason.toString()));
    ws.on('error', (error) => this.#options.log?.(`[gateway ${connection.id}] socket error: ${error.message}`));

    if (params.get('v') !== String(this.#options.apiVersion)) {
      this.#serverClose(connection, GatewayCloseCodes.InvalidAPIVersion, `Invalid API version: ${params.get('v')}`);
      return;
    }
    const encoding = params.get('encoding') ?? 'json';
    if (encoding !== 'json') {
      this.#serverClose(connection, GatewayCloseCodes.DecodeError, `fake Discord only speaks JSON, not ${encoding}`);
      return;
    }
    const compress = params.get('compress');
    if (compress !== null && compress !== 'zlib-stream') {
      this.#serverClose(connection, GatewayCloseCodes.DecodeError, `fake Discord does not support compress=${compress}`);
      return;
    }
    void this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary frame');
      frame = JSON.parse(rawDataToString(data)) as { op?: unknown; d?: unknown };
    } catch {
      this.#serverClose(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    this.#record({ kind: 'receive', connectionId: connection.id, op, d: frame.d, at: Date.now() });

    if (op === GatewayOpcodes.Heartbeat) {
      if (this.#ackHeartbeats) void this.#send(connection, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
      return;
    }
    if (op === GatewayOpcodes.Identify) return this.#onIdentify(connection, frame.d as GatewayIdentifyData);
    if (op === GatewayOpcodes.Resume) return this.#onResume(connection, frame.d as GatewayResumeData);
    if (connection.sessionId === null) {
      this.#serverClose(connection, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
      return;
    }
    switch (op) {
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        return; // accepted and recorded; the fake has nothing to answer
      default:
        this.#serverClose(connection, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #onIdentify(connection: Connection, data: GatewayIdentifyData): void {
    if (connection.sessionId !== null) {
      this.#serverClose(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (data?.token !== this.#options.token) {
      this.#serverClose(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (typeof data.intents !== 'number') {
      this.#serverClose(connection, GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    const shardCount = this.#options.shardCount ?? 1;
    const shard: [number, number] = data.shard ?? [0, 1];
    if (shard[1] !== shardCount || !Number.isInteger(shard[0]) || shard[0] < 0 || shard[0] >= shard[1]) {
      this.#serverClose(connection, GatewayCloseCodes.InvalidShard, `Invalid shard: ${JSON.stringify(shard)} (this bot has ${shardCount})`);
      return;
    }
    this.identifies.push(data);
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, events: [], connection };
    this.#sessions.set(shard[0], session);
    connection.sessionId = session.id;
    for (const event of this.#options.buildIdentifyDispatches(session.id, shard)) void this.dispatch(event.t, event.d, shard[0]);
  }

  #onResume(connection: Connection, data: GatewayResumeData): void {
    if (connection.sessionId !== null) {
      this.#serverClose(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (data?.token !== this.#options.token) {
      this.#serverClose(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    this.resumes.push(data);
    const session = [...this.#sessions.values()].find((s) => s.id === data.session_id);
    if (!session) {
      void this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (data.seq > session.seq) {
      this.#serverClose(connection, GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection && previous.ws.readyState === WS_OPEN) {
      this.#serverClose(previous, GatewayCloseCodes.UnknownError, 'Session resumed on another connection');
    }
    session.connection = connection;
    connection.sessionId = session.id;
    for (const frame of session.events) {
      if ((frame.s ?? 0) > data.seq) void this.#send(connection, frame);
    }
    void this.#send(connection, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: ++session.seq, d: {} });
  }

  #onClose(connection: Connection, code: number, reason: string): void {
    this.#connections.delete(connection);
    connection.deflate?.close();
    const by = connection.closingByServer ? 'server' : 'client';
    this.#record({ kind: 'disconnect', connectionId: connection.id, code, reason, by, at: Date.now() });
    const session = [...this.#sessions.values()].find((s) => s.connection === connection);
    if (session !== undefined) {
      session.connection = null;
      if (by === 'client' && SESSION_ENDING_CLIENT_CLOSE_CODES.has(code)) this.#sessions.delete(session.shard[0]);
    }
  }

  // --- sending -----------------------------------------------------------------------------

  #liveConnection(action: string): Connection {
    const connection = this.#sessions.get(0)?.connection;
    if (!connection || connection.ws.readyState !== WS_OPEN) {
      throw new Error(`${action}: no live gateway connection (of shard 0)`);
    }
    return connection;
  }

  #serverClose(connection: Connection, code: number, reason: string): void {
    connection.closingByServer = true;
    this.#options.log?.(`[gateway ${connection.id}] closing ${code}: ${reason}`);
    connection.ws.close(code, reason);
  }

  /** Queue a frame on the connection; resolves with performance.now() when it was handed to the socket. */
  #send(connection: Connection, frame: GatewayFrame): Promise<number> {
    return this.#enqueue(connection, async () => {
      if (connection.ws.readyState !== WS_OPEN) return performance.now();
      const data = await encodeFrame(connection, frame);
      if (connection.ws.readyState !== WS_OPEN) return performance.now();
      const sentAt = performance.now();
      await new Promise<void>((resolve) => connection.ws.send(data, () => resolve()));
      this.#record({ kind: 'send', connectionId: connection.id, op: frame.op, t: frame.t, s: frame.s, at: Date.now() });
      return sentAt;
    });
  }

  /** Queue frames as one step of the connection's send chain; resolves with when each was handed to the socket. */
  #sendMany(connection: Connection, frames: readonly GatewayFrame[]): Promise<number[]> {
    return this.#enqueue(connection, async () => {
      const written: Array<Promise<void>> = [];
      const sentAt: number[] = [];
      for (const frame of frames) {
        if (connection.ws.readyState !== WS_OPEN) break;
        const data = await encodeFrame(connection, frame);
        sentAt.push(performance.now());
        written.push(new Promise<void>((resolve) => connection.ws.send(data, () => resolve())));
      }
      await Promise.all(written);
      for (const frame of frames.slice(0, sentAt.length)) {
        this.#record({ kind: 'send', connectionId: connection.id, op: frame.op, t: frame.t, s: frame.s, at: Date.now() });
      }
      return sentAt;
    });
  }

  /** Runs a step after the connection's earlier sends; a failed step does not stop the ones after it. */
  #enqueue<T>(connection: Connection, step: () => Promise<T>): Promise<T> {
    const done = connection.sendChain.then(step);
    connection.sendChain = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  #record(entry: GatewayLogEntry): void {
    this.log.push(entry);
    this.#options.log?.(`[gateway ${entry.connectionId}] ${describeLogEntry(entry)}`);
    this.#options.signal.notify();
  }
}

/** The shard that receives a guild's events among `shardCount`: (guild id >> 22) % shardCount. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** One zlib-stream message: the deflated JSON followed by a Z_SYNC_FLUSH (ends in 00 00 ff ff). */
/** A frame as the connection sends it: JSON, compressed when the connection asked for zlib-stream. */
function encodeFrame(connection: Connection, frame: GatewayFrame): Promise<string | Buffer> {
  const json = JSON.stringify(frame);
  return connection.deflate ? deflateWithSyncFlush(connection.deflate, json) : Promise.resolve(json);
}

function deflateWithSyncFlush(deflate: zlib.Deflate, text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
    };
    deflate.on('data', onData);
    deflate.write(text);
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      deflate.off('data', onData);
      resolve(Buffer.concat(chunks));
    });
  });
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function describeLogEntry(entry: GatewayLogEntry): string {
  switch (entry.kind) {
    case 'connect':
      return `connect ${entry.url}`;
    case 'disconnect':
      return `disconnect ${entry.code} by ${entry.by} ${entry.reason}`;
    case 'receive':
      return `<- op ${entry.op}`;
    case 'send':
      return `-> op ${entry.op}${entry.t ? ` ${entry.t} s=${entry.s}` : ''}`;
  }
}
