// Proves the import-boundary lint fails on forbidden imports (and stays quiet on allowed ones),
// by running ESLint's Node API with the repository's own eslint.config.js.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus';

const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return result.messages.filter((m) => m.ruleId === 'leakline/import-boundaries' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

const FORBIDDEN: [file: string, code: string, expected: RegExp][] = [
  ['parsers/trace/probe.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;", /parsers\/ may not import the Node built-in "node:fs"/],
  ['parsers/trace/probe.ts', "import fs from 'fs';\nexport const r = fs;", /Node built-in "fs"/],
  ['parsers/trace/probe.ts', "import { app } from 'electron';\nexport const a = app;", /may not import "electron"/],
  ['parsers/trace/probe.ts', "export { x } from '../../main/service/validate';", /may not import main\/service\//],
  ['parsers/trace/probe.ts', "import type { App } from '../../renderer/src/App';\nexport type A = App;", /may not import renderer\//],
  ['parsers/trace/probe.ts', "import { createRoot } from 'react-dom/client';\nexport const c = createRoot;", /the package "react-dom"/],
  ['parsers/trace/probe.ts', 'export const w = () => document.title;', /document: DOM-only/],
  ['parsers/trace/probe.ts', 'export const b = Buffer.from([]);', /Buffer: Node-only/],
  ['parsers/trace/probe.ts', "export const m = () => import('node:zlib');", /Node built-in "node:zlib"/],
  ['analysis/probe.ts', "import os from 'node:os';\nexport const o = os;", /analysis\/ may not import the Node built-in/],
  ['analysis/probe.ts', "import { x } from '../main/app/ipc';\nexport const y = x;", /analysis\/ may not import main\/app\//],
  ['renderer/src/probe.ts', "import { BridgeService } from '../../main/service/bridge-service';\nexport const s = BridgeService;", /renderer\/ may not import main\/service\//],
  ['renderer/src/probe.ts', "import path from 'node:path';\nexport const p = path;", /renderer\/ may not import the Node built-in "node:path"/],
  ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /renderer\/ may not import "electron"/],
  ['renderer/src/probe.ts', 'export const e = process.env;', /process: Node-only/],
  ['preload/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /preload\/ may not import the Node built-in/],
  ['preload/probe.ts', "import { create } from 'zustand';\nexport const c = create;", /preload\/ may not import the package "zustand"/],
  ['preload/probe.ts', "import { x } from '../renderer/src/format';\nexport const y = x;", /preload\/ may not import renderer\//],
  ['main/service/probe.ts', "import { dialog } from 'electron';\nexport const d = dialog;", /main\/service\/ may not import "electron"/],
  ['main/serve/probe.ts', "import { app } from 'electron/main';\nexport const a = app;", /main\/serve\/ may not import "electron"/],
  ['cli/commands/probe.ts', "import { buildWindowOptions } from '../../main/app/window-options';\nexport const b = buildWindowOptions;", /cli\/ may not import main\/app\//],
  ['contract/probe.ts', "import type { BridgeService } from '../main/service/bridge-service';\nexport type B = BridgeService;", /contract\/ may not import main\/service\//],
  // Main hosts the engine: parsing and analysis run in the document's session, main/ imports types only.
  ['main/service/probe.ts', "import { analyze } from '../../analysis/analyze';\nexport const a = analyze;", /main\/service\/ may import only types from analysis\//],
  ['main/service/probe.ts', "import { openInput, type OpenedInput } from '../../parsers/open-input';\nexport const o: [typeof openInput, OpenedInput?] = [openInput];", /may import only types from parsers\//],
  ['main/serve/probe.ts', "export { parseTrace } from '../../parsers/trace/parse-trace';", /main\/serve\/ may import only types from parsers\//],
  ['main/app/probe.ts', "import { ParseError } from '../../parsers/model';\nexport const p = ParseError;", /main\/ may import only types from parsers\//],
  ['main/app/probe.ts', "export const m = () => import('../../analysis/flame');", /may import only types from analysis\//],
];

const ALLOWED: [file: string, code: string][] = [
  ['parsers/trace/probe.ts', "import type { ByteSource } from '../model';\nimport protobuf from 'protobufjs';\nexport type S = ByteSource;\nexport const p = protobuf;"],
  ['analysis/probe.ts', "import type { TraceModel } from '../parsers/model';\nexport type T = TraceModel;"],
  ['renderer/src/probe.ts', "import type { LeaklineBridge } from '../../contract';\nimport { create } from 'zustand';\nexport type B = LeaklineBridge;\nexport const c = create;"],
  ['preload/probe.ts', "import { contextBridge } from 'electron';\nimport { IPC_PREFIX } from '../contract';\nexport const x = [contextBridge, IPC_PREFIX];"],
  ['main/app/probe.ts', "import { app } from 'electron';\nimport { stat } from 'node:fs/promises';\nimport { BridgeService } from '../service/bridge-service';\nexport const x = [app, stat, BridgeService];"],
  ['cli/commands/probe.ts', "import { startServer } from '../../main/serve/server';\nimport { readFile } from 'node:fs/promises';\nexport const x = [startServer, readFile];"],
  ['main/service/probe.ts', "import type { AnalysisResult } from '../../parsers/model';\nimport { type Verdict } from '../../analysis/verdict';\nexport type R = [AnalysisResult, Verdict];"],
  ['main/app/probe.ts', "export type { TraceModel } from '../../parsers/model';"],
  ['main/engine/probe.ts', "import { openInput } from '../../parsers/open-input';\nimport { analyze } from '../../analysis/analyze';\nexport const x = [openInput, analyze];"],
  ['analysis/probe.ts', "import { parseConfig } from '../contract/project-config';\nexport const p = parseConfig;"],
];

describe('import boundaries (eslint.config.js)', () => {
  for (const [file, code, expected] of FORBIDDEN) {
    it(`fails: ${file}: ${code.split('\n')[0]}`, async () => {
      const errors = await boundaryErrors(file, code);
      expect(errors.length, `no boundary error for ${file}`).toBeGreaterThan(0);
      expect(errors.join('\n')).toMatch(expected);
    });
  }
  for (const [file, code] of ALLOWED) {
    it(`passes: ${file}: ${code.split('\n')[0]}`, async () => {
      expect(await boundaryErrors(file, code)).toEqual([]);
    });
  }

  it('makes `eslint` exit non-zero on a real file with a forbidden import', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { spawnSync } = await import('node:child_process');
    const dir = await mkdtemp(`${repoRoot}/parsers/.boundary-probe-`);
    try {
      await writeFile(`${dir}/probe.ts`, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
      const run = spawnSync(process.execPath, [`${repoRoot}/node_modules/eslint/bin/eslint.js`, '--no-warn-ignored', `${dir}/probe.ts`], { cwd: repoRoot, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('leakline/import-boundaries');
      expect(run.stdout).toContain('parsers/ may not import the Node built-in "node:fs"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
