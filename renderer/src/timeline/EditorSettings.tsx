import { useEffect, useState } from 'react';
import type { EditorKind, EditorSettings as Settings } from '../../../contract';
import { asBridgeError, bridge } from '../bridge';

const EDITORS: readonly [EditorKind, string][] = [
  ['vscode', 'VS Code (code -g file:line)'],
  ['goland', 'GoLand (goland --line N file)'],
  ['env', '$VISUAL / $EDITOR (+line file)'],
];

/** "from => to" per line; the inverse of `format`. */
function parseRemaps(text: string): Settings['remaps'] {
  return text
    .split('\n')
    .map((l) => l.split('=>').map((p) => p.trim()))
    .filter((p) => p.length === 2 && p[0] && p[1])
    .map(([from, to]) => ({ from, to }));
}

/** Where clicking a stack frame opens, and how paths recorded on another machine map to this one. */
export function EditorSettings({ onClose }: { onClose: () => void }) {
  const [editor, setEditor] = useState<EditorKind>('vscode');
  const [remaps, setRemaps] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bridge()
      .getEditorSettings()
      .then((s) => {
        setEditor(s.editor);
        setRemaps(s.remaps.map((r) => `${r.from} => ${r.to}`).join('\n'));
      })
      .catch((e: unknown) => setError(asBridgeError(e).message));
  }, []);
  const save = async () => {
    try {
      await bridge().setEditorSettings({ editor, remaps: parseRemaps(remaps) });
      onClose();
    } catch (e) {
      setError(asBridgeError(e).message);
    }
  };
  return (
    <div className="tv-modal-backdrop" onClick={onClose}>
      <div className="tv-modal" role="dialog" aria-label="Editor settings" onClick={(e) => e.stopPropagation()} data-testid="editor-settings">
        <h2>Open source files in…</h2>
        {EDITORS.map(([k, label]) => (
          <label key={k} className="tv-radio">
            <input type="radio" name="editor" checked={editor === k} onChange={() => setEditor(k)} /> {label}
          </label>
        ))}
        <h3 className="tv-modal-sub">Path remapping</h3>
        <p className="muted tv-small">For traces recorded on another machine: one rule per line, <code>/remote/prefix/ =&gt; /local/prefix/</code>. The longest matching prefix wins.</p>
        <textarea className="tv-remaps" rows={4} value={remaps} onChange={(e) => setRemaps(e.target.value)} placeholder="/home/ci/build/ => /Users/me/src/" spellCheck={false} />
        {error && <p className="doc-error">{error}</p>}
        <div className="tv-modal-actions">
          <button type="button" className="ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            Save
          </button>
        </div>
      </div>
    </div>
  );
}
