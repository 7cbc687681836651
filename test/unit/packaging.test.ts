// electron-builder.yml checked by electron-builder's own loader and schema validator (no build,
// no downloads), plus the targets and file associations the product needs.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus';

const require = createRequire(import.meta.url);
const configLib = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: object | null): Promise<Record<string, unknown>>;
  validateConfiguration(config: object, debug: { isEnabled: boolean; add(k: string, v: unknown): void }): Promise<void>;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder validation and declares targets and file associations', async () => {
    const config = await configLib.getConfig(repoRoot, null, null);
    await configLib.validateConfiguration(config, { isEnabled: false, add: () => {} });
    expect(config).toMatchObject({ appId: 'dev.leakline.app', productName: 'Leakline' });
    const targets = (k: string) => (config[k] as { target: string[] }).target;
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('win')).toEqual(['nsis']);
    const exts = (config['fileAssociations'] as { ext: string }[]).map((a) => a.ext);
    expect(exts.sort()).toEqual(['out', 'pb.gz', 'pprof', 'trace']);
  });

  it('flips the Electron fuses: no run-as-Node, NODE_OPTIONS or inspector; encrypted cookies; ASAR only, integrity-checked', async () => {
    const config = await configLib.getConfig(repoRoot, null, null);
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar needs the app packed into app.asar (electron-builder's default).
    expect(config['asar']).not.toBe(false);
    // A misspelt fuse is refused by the schema, so the test above cannot pass on a typo.
    await expect(configLib.validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, { isEnabled: false, add: () => {} })).rejects.toThrow(/electronFuses/);
  });

  it('rejects an invalid option (the validator is live)', async () => {
    const config = await configLib.getConfig(repoRoot, null, null);
    await expect(configLib.validateConfiguration({ ...config, linux: { target: ['AppImage'], notAnOption: 1 } }, { isEnabled: false, add: () => {} })).rejects.toThrow(/configuration.linux/);
  });
});
