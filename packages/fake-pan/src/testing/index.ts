/**
 * Servers that stand beside the emulator in tests: a service that never answers, a port that
 * refuses, a web server for cloud downloads to fetch from, and the seeded PRNG of the demo drive.
 */
export { mulberry32 } from '../seed/prng';
export { refusingUrl, startSilentServer, type SilentServer } from './silent-server';
export { startUrlServer, type UrlServer } from './url-server';
