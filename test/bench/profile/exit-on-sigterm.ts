/**
 * Preloaded (`node -r`) into a server run with `--cpu-prof`: Node writes the profile when the process exits,
 * but Nest's shutdown hook ends the process by re-raising the signal, which skips that. Exiting here first
 * (this listener is registered before Nest's) makes SIGTERM a normal exit, and the profile is written.
 */
process.once('SIGTERM', () => process.exit(0));
