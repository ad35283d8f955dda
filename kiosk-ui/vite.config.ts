import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The customer-facing screens: kiosk, display board, phone ticket page and counter rating pad. Built into
 * dist/ui, served by the LobbyFlow server at /kiosk, /display, /t/<token> and /pad, assets under /ui/.
 */
export default defineConfig({
  root: __dirname,
  base: '/ui/',
  resolve: {
    alias: {
      '@lobbyflow/contracts': resolve(__dirname, '../libs/contracts/src'),
      '@lobbyflow/domain': resolve(__dirname, '../libs/domain/src'),
      '@lobbyflow/ui-kit': resolve(__dirname, '../libs/ui-kit/src'),
    },
  },
  build: {
    outDir: resolve(__dirname, '../dist/ui'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        kiosk: resolve(__dirname, 'kiosk.html'),
        display: resolve(__dirname, 'display.html'),
        ticket: resolve(__dirname, 'ticket.html'),
        pad: resolve(__dirname, 'pad.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
