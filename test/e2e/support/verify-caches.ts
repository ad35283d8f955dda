/**
 * Every e2e server checks the hall cache against full reads of the database (hall/hall-cache.ts): a write
 * path that moved tickets or configuration without the cache noticing fails the test that took it.
 */
process.env.LOBBYFLOW_VERIFY_CACHES = '1';
