// ESLint rule `leakline/import-boundaries`: which folder may import what (docs/architecture.md).
// Resolves relative imports to repository paths, so `../../main/x` and `./x` are judged by where
// they land, not by how they are spelled.
import { builtinModules } from 'node:module';
import path from 'node:path';

const UI_PACKAGES = ['react', 'react-dom', 'zustand', '@tanstack/react-virtual', 'scheduler'];
const NODE_SERVER_PACKAGES = ['ws'];
const PURE = 'runs in a worker and in the browser';
const TYPES_ONLY_WHY = 'parsing and analysis run in the document\'s engine worker (main/engine), which main/ asks through its session';

/** Importer folder → policy. First matching prefix wins, so sub-folders come first. */
export const POLICIES = [
  ['parsers', { layers: ['parsers'], node: false, electron: false, deny: [...UI_PACKAGES, ...NODE_SERVER_PACKAGES], why: PURE }],
  ['analysis', { layers: ['analysis', 'parsers'], files: ['contract/project-config'], node: false, electron: false, deny: [...UI_PACKAGES, ...NODE_SERVER_PACKAGES], why: PURE }],
  ['contract', { layers: ['contract', 'parsers/model'], node: false, electron: false, allow: [], why: 'it is shared types only' }],
  ['preload', { layers: ['preload', 'contract'], node: false, electron: true, allow: [], why: 'it is a sandboxed adapter' }],
  ['renderer', { layers: ['renderer', 'contract', 'parsers', 'analysis'], node: false, electron: false, deny: NODE_SERVER_PACKAGES, why: 'it talks only to the bridge' }],
  // main/engine is the engine (the worker runs parsers and analysis); the rest of main/ hosts it.
  ['main/engine', { layers: ['main/engine', 'contract', 'parsers', 'analysis', 'package.json'], node: true, electron: false, deny: UI_PACKAGES, why: '`leakline serve` runs it without Electron' }],
  ...['main/service', 'main/serve'].map((p) => [
    p,
    { layers: ['main/service', 'main/serve', 'main/engine', 'contract', 'parsers', 'analysis', 'package.json'], typesOnly: ['parsers', 'analysis'], node: true, electron: false, deny: UI_PACKAGES, why: '`leakline serve` runs it without Electron' },
  ]),
  ['main', { layers: ['main', 'contract', 'parsers', 'analysis', 'package.json'], typesOnly: ['parsers', 'analysis'], node: true, electron: true, deny: UI_PACKAGES, why: 'main is the Electron host' }],
  ['cli', { layers: ['cli', 'main/service', 'main/serve', 'main/engine', 'contract', 'parsers', 'analysis', 'package.json'], node: true, electron: false, deny: UI_PACKAGES, why: 'the CLI runs on plain Node' }],
];

const KNOWN_LAYERS = ['main/service', 'main/serve', 'main/engine', 'main/app', 'main', 'parsers/model', 'parsers', 'analysis', 'renderer', 'preload', 'contract', 'cli', 'test', 'package.json'];

function layerOf(repoPath) {
  return KNOWN_LAYERS.find((l) => repoPath === l || repoPath.startsWith(l + '/')) ?? null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const BUILTINS = new Set(builtinModules);

/** {kind: 'node'|'electron'|'package'|'layer'|'outside', name} */
export function classify(spec, fromFile, root) {
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) return { kind: 'node', name: spec };
  if (spec === 'electron' || spec.startsWith('electron/')) return { kind: 'electron', name: spec };
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const rel = path.relative(root, path.resolve(path.dirname(fromFile), spec)).split(path.sep).join('/');
    if (rel.startsWith('..')) return { kind: 'outside', name: rel };
    const layer = layerOf(rel);
    return layer ? { kind: 'layer', name: layer, path: rel } : { kind: 'outside', name: rel };
  }
  return { kind: 'package', name: packageName(spec) };
}

function within(layer, allowed) {
  return allowed.some((a) => layer === a || layer.startsWith(a + '/'));
}

/** Why `spec` is forbidden in `fromFile`, or null when allowed. */
/** `typeOnly`: the import or export carries types only (`import type`, or every specifier `type`). */
export function violation(spec, fromFile, root, typeOnly = false) {
  const rel = path.relative(root, fromFile).split(path.sep).join('/');
  const entry = POLICIES.find(([prefix]) => rel === prefix || rel.startsWith(prefix + '/'));
  if (!entry) return null;
  const [prefix, p] = entry;
  const t = classify(spec, fromFile, root);
  const no = (what) => `${prefix}/ may not import ${what}: ${p.why}`;
  switch (t.kind) {
    case 'node':
      return p.node ? null : no(`the Node built-in "${spec}"`);
    case 'electron':
      return p.electron ? null : no('"electron"');
    case 'layer':
      if (p.files?.includes(t.path.replace(/\.(ts|js)$/, ''))) return null;
      if (!within(t.name, p.layers)) return no(`${t.name}/ ("${spec}")`);
      if (p.typesOnly && within(t.name, p.typesOnly) && !typeOnly) return `${prefix}/ may import only types from ${t.name}/ ("${spec}"): ${TYPES_ONLY_WHY}`;
      return null;
    case 'outside':
      return no(`"${spec}" (outside the allowed folders)`);
    case 'package':
      if (p.allow && !p.allow.includes(t.name)) return no(`the package "${t.name}"`);
      if (p.deny && p.deny.includes(t.name)) return no(`the package "${t.name}"`);
      return null;
  }
  return null;
}

function sourceOf(node) {
  const s = node && node.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
  return s;
}

export function importBoundaries(root) {
  return {
    meta: { type: 'problem', docs: { description: 'Enforce which folder may import what' }, schema: [] },
    create(context) {
      const file = context.filename;
      const check = (node, spec, typeOnly = false) => {
        if (spec === null) return;
        const why = violation(spec, file, root, typeOnly);
        if (why) context.report({ node, message: why });
      };
      const allTypes = (n, kind, specifierKind) => n[kind] === 'type' || (n.specifiers.length > 0 && n.specifiers.every((sp) => sp[specifierKind] === 'type'));
      return {
        ImportDeclaration: (n) => check(n.source, sourceOf(n.source), allTypes(n, 'importKind', 'importKind')),
        ExportNamedDeclaration: (n) => n.source && check(n.source, sourceOf(n.source), allTypes(n, 'exportKind', 'exportKind')),
        ExportAllDeclaration: (n) => check(n.source, sourceOf(n.source), n.exportKind === 'type'),
        ImportExpression: (n) => check(n.source, sourceOf(n.source)),
        TSImportEqualsDeclaration: (n) =>
          n.moduleReference.type === 'TSExternalModuleReference' && check(n.moduleReference, sourceOf(n.moduleReference.expression)),
        TSImportType: (n) => {
          const arg = n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.argument;
          check(n, sourceOf(arg), true);
        },
        CallExpression: (n) => {
          if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) check(n, sourceOf(n.arguments[0]));
        },
      };
    },
  };
}

/** Globals that exist only in a browser page (parsers/analysis run in workers too). */
export const DOM_ONLY_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement', 'HTMLCanvasElement', 'requestAnimationFrame', 'getComputedStyle', 'alert'];
/** Node-only globals, forbidden where code must run in a browser. */
export const NODE_ONLY_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global', 'setImmediate'];
