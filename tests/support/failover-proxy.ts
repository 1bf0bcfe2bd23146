/**
 * A TCP proxy standing in for the load balancer in front of several API processes: each connection
 * goes to the first upstream that accepts it, so clients configured with the proxy's URL move to a
 * surviving process once the first one dies, as they would behind a real balancer. Plain TCP, so
 * HTTP keep-alive and graphql-ws pass through unchanged.
 */
import net from "node:net";

/** A running {@link startFailoverProxy}. */
export interface FailoverProxy {
  url: string;
  port: number;
  /** Connections handed to each upstream port so far. */
  connectionsTo(port: number): number;
  close(): Promise<void>;
}

/** Listens on a free loopback port and forwards each connection to the first of `upstreamPorts` that accepts it. */
export async function startFailoverProxy(upstreamPorts: number[]): Promise<FailoverProxy> {
  const counts = new Map<number, number>();
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const server = net.createServer((downstream) => {
    track(downstream);
    // Held until an upstream is connected, so nothing the client sent first is lost.
    downstream.pause();
    downstream.on("error", () => downstream.destroy());
    const tryUpstream = (index: number) => {
      const port = upstreamPorts[index];
      if (port === undefined || downstream.destroyed) {
        downstream.destroy();
        return;
      }
      const upstream = net.connect(port, "127.0.0.1");
      track(upstream);
      let connected = false;
      upstream.once("connect", () => {
        connected = true;
        counts.set(port, (counts.get(port) ?? 0) + 1);
        downstream.pipe(upstream);
        upstream.pipe(downstream);
        downstream.resume();
      });
      upstream.on("error", () => {
        if (!connected) tryUpstream(index + 1);
        upstream.destroy();
      });
      // A killed upstream resets its connections: the client sees its request fail, as behind a balancer.
      upstream.on("close", () => {
        if (connected) downstream.destroy();
      });
      downstream.on("close", () => upstream.destroy());
    };
    tryUpstream(0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connectionsTo: (upstream) => counts.get(upstream) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
