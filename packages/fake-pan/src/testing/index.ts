/**
 * Servers that stand beside the emulator in tests: a service that never answers, a port that
 * refuses, and a web server for cloud downloads to fetch from.
 */
export { refusingUrl, startSilentServer, type SilentServer } from './silent-server';
export { startUrlServer, type UrlServer } from './url-server';
