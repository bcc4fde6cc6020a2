import type { Backend } from './backend-types';
import type { BackendPorts } from './ports';

/**
 * Composes settings, auth, files, transfers, places and app services over the host's ports.
 * Resolves once settings are loaded and the drive (real or demo) is being signed in to.
 */
export async function createBackend(ports: BackendPorts): Promise<Backend> {
  void ports;
  throw new Error('createBackend: composition is being written (signature only in this commit)');
}
