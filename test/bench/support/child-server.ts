/**
 * A benchmark's server in a child process: it starts on the port its parent sends, answers `listening`,
 * and exits with code 1 (the error on stderr) if it cannot start.
 */
export function listenWhenAsked(serve: (port: number) => Promise<void>): void {
  process.once('message', (port: number) => {
    void serve(port).then(
      () => process.send?.('listening'),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
