// electron-builder's beforeBuild hook. Answering false tells it that node_modules are handled
// outside electron-builder: there are none to collect or rebuild, because the main bundle carries
// every dependency (vite.main.config.ts) and SQLite runs as WebAssembly. Without this, builder
// walks the whole pnpm workspace looking for modules and, finding none in dist/, falls back to
// the project folder's.
module.exports = async function beforeBuild() {
  return false;
};
