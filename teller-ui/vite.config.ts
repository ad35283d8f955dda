import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The staff console: teller counter, lobby manager, RM and admin. Built into dist/ui-staff (its own folder,
 * so that neither build empties the other's), served by the LobbyFlow server at /staff, assets under
 * /staff-ui/.
 */
export default defineConfig({
  root: __dirname,
  base: '/staff-ui/',
  resolve: {
    alias: {
      '@lobbyflow/contracts': resolve(__dirname, '../libs/contracts/src'),
      '@lobbyflow/domain': resolve(__dirname, '../libs/domain/src'),
      '@lobbyflow/ui-kit': resolve(__dirname, '../libs/ui-kit/src'),
    },
  },
  build: {
    outDir: resolve(__dirname, '../dist/ui-staff'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { staff: resolve(__dirname, 'staff.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
});
