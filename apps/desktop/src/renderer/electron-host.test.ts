import { describe, expect, it } from 'vitest';
import { createApiProxy, fail, ok } from '@pandesk/contract';
import { createDispatcher } from '@pandesk/contract/server';
import { createRecordingHandlers } from '@pandesk/contract/testing';
import type { PanDeskBridge } from '@pandesk/contract';
import { createElectronHost } from './electron-host';

function bridgeAnswering(choose: 'ok' | 'fail'): {
  bridge: PanDeskBridge;
  calls: Array<{ channel: string; input: unknown }>;
} {
  const { handlers, calls } = createRecordingHandlers(async (channel) =>
    channel === 'app:choosePaths'
      ? choose === 'ok'
        ? ok({ paths: ['/a', '/b'] })
        : fail('unsupported', 'no')
      : ok(null),
  );
  const dispatch = createDispatcher(handlers);
  return { bridge: createApiProxy({ invoke: dispatch, on: () => () => undefined }), calls };
}

describe('Electron host adapter', () => {
  it('turns dropped files into their local paths, skipping pathless ones', async () => {
    const { bridge } = bridgeAnswering('ok');
    const host = createElectronHost(bridge, {
      pathForFile: (f) => (f.name === 'web.png' ? '' : `/x/${f.name}`),
      startDrag: async () => null,
      writeClipboard: async () => undefined,
    });
    const paths = await host.stageFiles({ files: [new File(['1'], 'a.txt'), new File(['2'], 'web.png')] });
    expect(paths).toEqual(['/x/a.txt']);
  });

  it('picks uploads with the native dialog modes and answers [] when it fails', async () => {
    const ok1 = bridgeAnswering('ok');
    const host = createElectronHost(ok1.bridge, {
      pathForFile: () => '',
      startDrag: async () => null,
      writeClipboard: async () => undefined,
    });
    expect(await host.pickForUpload?.('folder')).toEqual(['/a', '/b']);
    expect(ok1.calls[0]).toEqual({ channel: 'app:choosePaths', input: { mode: 'open_folders' } });
    const bad = createElectronHost(bridgeAnswering('fail').bridge, {
      pathForFile: () => '',
      startDrag: async () => null,
      writeClipboard: async () => undefined,
    });
    expect(await bad.pickForUpload?.('files')).toEqual([]);
  });

  it('starts drags through the preload', () => {
    const dragged: Array<readonly string[]> = [];
    const { bridge } = bridgeAnswering('ok');
    const host = createElectronHost(bridge, {
      pathForFile: () => '',
      startDrag: async (p) => dragged.push(p),
      writeClipboard: async () => undefined,
    });
    host.startDrag?.(['/d/a.txt']);
    expect(dragged).toEqual([['/d/a.txt']]);
  });

  it('writes the clipboard through the preload', async () => {
    const written: string[] = [];
    const { bridge } = bridgeAnswering('ok');
    const host = createElectronHost(bridge, {
      pathForFile: () => '',
      startDrag: async () => null,
      writeClipboard: async (text) => void written.push(text),
    });
    await host.writeClipboard?.('https://vip.example/1/a.png');
    expect(written).toEqual(['https://vip.example/1/a.png']);
  });
});
