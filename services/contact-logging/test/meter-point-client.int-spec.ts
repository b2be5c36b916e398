import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { MeterPointClient } from '../src/infrastructure/meter-point-client';
import type { RequestContext } from '@cms/service-defaults';
import type { ContactLoggingConfig } from '../src/contact-logging.config';

const METER_POINT = JSON.stringify({
  mprn: '3938424403',
  status: { code: 'DE' },
  transporter: { organisationId: 'dn-1' },
  registeredShipper: null,
});

/**
 * A register that speaks just enough HTTP/1.1 and closes connections when told to: what a
 * stopping service (or two idle timers crossing) does to a kept-alive connection.
 */
async function startRegister(misbehave: (socket: Socket, requestOnSocket: number) => 'answer' | 'close') {
  const connections: Socket[] = [];
  const server: Server = createServer((socket) => {
    connections.push(socket);
    let requestOnSocket = 0;
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
        requestOnSocket += 1;
        if (misbehave(socket, requestOnSocket) === 'close') {
          socket.destroy();
          return;
        }
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(METER_POINT)}\r\n` +
            `connection: keep-alive\r\n\r\n${METER_POINT}`,
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    close: () => new Promise<void>((resolve) => {
      for (const socket of connections) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** The client as the service wires it, on behalf of a request carrying a bearer token. */
function registerClient(url: string): MeterPointClient {
  const config = { METER_POINTS_URL: [url], METER_POINTS_TIMEOUT_MS: 2_000 } as ContactLoggingConfig;
  return new MeterPointClient(config, { authorization: () => 'Bearer t' } as RequestContext);
}

describe('MeterPointClient on kept-alive connections', () => {
  it('asks again on a new connection when the register closed the kept-alive one as the request went out', async () => {
    // The second request on the first connection finds it closed under it, unread.
    const register = await startRegister((_socket, requestOnSocket) => (requestOnSocket === 2 ? 'close' : 'answer'));
    const client = registerClient(register.url);
    try {
      expect(await client.find('3938424403')).toEqual(expect.objectContaining({ mprn: '3938424403' }));

      expect(await client.find('3938424403')).toEqual(expect.objectContaining({ mprn: '3938424403' }));
      expect(register.connections).toHaveLength(2);
    } finally {
      client.onApplicationShutdown();
      await register.close();
    }
  });

  it('does not ask again when a new connection is closed unanswered: the register is unavailable', async () => {
    const register = await startRegister(() => 'close');
    const client = registerClient(register.url);
    try {
      await expect(client.find('3938424403')).rejects.toMatchObject({ status: 503, code: 'METER_POINT_REGISTER_UNAVAILABLE' });
      expect(register.connections).toHaveLength(1);
    } finally {
      client.onApplicationShutdown();
      await register.close();
    }
  });
});
