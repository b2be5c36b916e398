import { createServer, type Server } from 'node:net';
import { existsSync } from 'node:fs';
import { isListeningOn, listeningInodes, processesListeningOn } from './port-listeners';

describe('listeningInodes', () => {
  // Rows as Linux writes them: 127.0.0.1:8080 listening (inode 1211535), a connection from that
  // port (not a listener), ::ffff:127.0.0.1:9411 listening (IPv6 table), 0.0.0.0:8081 listening.
  const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1211535 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F90 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 1211777 1 0000000000000000 20 4 30 10 -1
   2: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1210001 1 0000000000000000 100 0 0 10 0
`;
  const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0000000000000000FFFF00000100007F:24C3 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1211534 1 0000000000000000 100 0 0 10 0
`;

  it("finds the sockets listening on a port, not its connections, in either table", () => {
    expect(listeningInodes(tcp, 8080)).toEqual(['1211535']);
    expect(listeningInodes(tcp, 8081)).toEqual(['1210001']);
    expect(listeningInodes(tcp, 9411)).toEqual([]);
    expect(listeningInodes(tcp6, 9411)).toEqual(['1211534']);
  });
});

// Linux only: elsewhere there is no /proc to read, and these answer "cannot tell".
const onLinux = existsSync('/proc/net/tcp') ? describe : describe.skip;

onLinux('who listens on a port', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('knows this process listens on its port, and its parent does not', () => {
    expect(isListeningOn(process.pid, port)).toBe(true);
    expect(isListeningOn(process.ppid, port)).toBe(false);
  });

  it('names the process that holds a port, by pid and command line', () => {
    expect(processesListeningOn(port)).toEqual([expect.stringMatching(new RegExp(`^pid ${process.pid} \\(.*node.*\\)$`))]);
  });
});
