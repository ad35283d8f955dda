import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';

/**
 * Stands in for a Lit element in Node: it keeps the controllers it is given and counts render requests.
 * The controllers under test are the real ones; browser tests drive them inside real Lit elements.
 */
export class NodeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  renders = 0;
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller), 1);
  }
  requestUpdate(): void {
    this.renders++;
  }
  connect(): void {
    this.controllers.forEach((controller) => controller.hostConnected?.());
  }
  disconnect(): void {
    this.controllers.forEach((controller) => controller.hostDisconnected?.());
  }
}

export interface Received {
  name: string;
  payload: Record<string, unknown>;
}

/** A raw socket.io client that records everything it receives. */
export class RecordingSocket {
  readonly received: Received[] = [];
  readonly socket: Socket;

  constructor(baseUrl: string, auth: Record<string, unknown>) {
    this.socket = io(baseUrl, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false });
    this.socket.onAny((name: string, payload: Record<string, unknown>) => this.received.push({ name, payload }));
  }

  /** Resolves on connect; rejects with the server's refusal (message and `data.code`). */
  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  named(name: string): Record<string, unknown>[] {
    return this.received.filter((entry) => entry.name === name).map((entry) => entry.payload);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Polls until `check` holds (the server pushes asynchronously); fails with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Reports how long something took to reach a screen, for people reading the test output. Latency is a
 * measurement (benchmarks, issue #10), never an assertion: a loaded CI machine must not fail a test.
 */
export function reportLatency(what: string, since: number): void {
  process.stdout.write(`  latency: ${what} in ${Date.now() - since} ms\n`);
}
