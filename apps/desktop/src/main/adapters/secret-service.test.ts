import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingFileName, createSecretServiceStore, loadKeyringBinding, serviceName } from './secret-service';

/** The folder of the binding pnpm installed for this machine (what the build copies). */
function installedBindingDir(): string | undefined {
  const file = bindingFileName(process.platform, process.arch);
  if (file === undefined) return undefined;
  const fromDesktop = createRequire(path.join(__dirname, '..', '..', '..', 'package.json'));
  const fromKeyring = createRequire(fromDesktop.resolve('@napi-rs/keyring/package.json'));
  const target = file.replace(/^keyring\.|\.node$/g, '');
  return path.dirname(fromKeyring.resolve(`@napi-rs/keyring-${target}/${file}`));
}

describe('Secret Service through @napi-rs/keyring', () => {
  it('ships a binding for Linux on x64 and arm64 only', () => {
    expect(bindingFileName('linux', 'x64')).toBe('keyring.linux-x64-gnu.node');
    expect(bindingFileName('linux', 'arm64')).toBe('keyring.linux-arm64-gnu.node');
    expect(bindingFileName('darwin', 'arm64')).toBeUndefined();
    expect(bindingFileName('linux', 'ia32')).toBeUndefined();
  });

  it('keeps the items of two profiles apart', () => {
    expect(serviceName('/home/u/.config/PanDesk')).not.toBe(serviceName('/tmp/e2e-profile'));
    expect(serviceName('/a')).toMatch(/^PanDesk [0-9a-f]{12}$/);
  });

  it('reports a missing library instead of throwing', () => {
    const problems: string[] = [];
    expect(loadKeyringBinding('/nowhere', 'linux', 'x64', (p) => problems.push(p))).toBeUndefined();
    expect(problems[0]).toMatch(/did not load/);
    expect(loadKeyringBinding('/nowhere', 'win32', 'x64', (p) => problems.push(p))).toBeUndefined();
  });

  const dir = installedBindingDir();
  it.skipIf(dir === undefined)(
    'loads the real library under Node and answers whether a Secret Service runs',
    async () => {
      const binding = loadKeyringBinding(dir ?? '', process.platform, process.arch, (p) => {
        throw new Error(p);
      });
      expect(binding?.AsyncEntry).toBeTypeOf('function');
      const store = createSecretServiceStore(binding!, '/tmp/pandesk-test-profile');
      const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
      const outcome = await store.probe().then(
        () => 'reachable',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      // Without a session bus (build machines) the probe fails with the library's reason, which
      // the vault logs before choosing "no encryption"; with one, the service answers.
      if (bus === undefined) expect(outcome).toMatch(/DBus|dbus|D-Bus/);
      else expect(typeof outcome).toBe('string');
    },
  );
});
