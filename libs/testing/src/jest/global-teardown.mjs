export default async function globalTeardown() {
  const started = globalThis.__UPOPS_EMBEDDED_PG__;
  if (!started) return;
  globalThis.__UPOPS_EMBEDDED_PG__ = undefined;
  await started.stop();
}
