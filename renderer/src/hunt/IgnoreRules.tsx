import { useState } from 'react';
import type { Verdict } from '../../../analysis/verdict';
import type { DocumentId, HuntIgnoreRules, HuntState } from '../../../contract';
import { useApp } from '../state/app-store';
import { pickProjectFolder, setIgnoreRules, setProjectFolder } from './hunt-store';

type Kind = keyof HuntIgnoreRules;
const KINDS: readonly (readonly [Kind, string])[] = [
  ['topFunction', 'top function'],
  ['anyFunction', 'any function'],
  ['createdBy', 'created by'],
];

/** goleak's IgnoreTopFunction looks past runtime frames (analysis/frames.ts topFunction). */
function topOf(v: Verdict): string {
  return (v.stack.find((f) => !f.function.startsWith('runtime.')) ?? v.stack[0])?.function ?? '';
}

/** Suggested rules for a suspect, as goleak users would write them. */
export function suggestions(v: Verdict): [Kind, string][] {
  const out: [Kind, string][] = [];
  const top = topOf(v);
  if (top) out.push(['topFunction', top]);
  if (v.startFunction) out.push(['anyFunction', v.startFunction]);
  if (v.createdBy?.function) out.push(['createdBy', v.createdBy.function]);
  return out;
}

export function IgnoreRules({ id, state, selected, busy }: { id: DocumentId; state: HuntState | null; selected: Verdict | undefined; busy: boolean }) {
  const [kind, setKind] = useState<Kind>('topFunction');
  // Electron accepts only folders chosen in its dialog; the browser (served from this machine) takes a typed path.
  const electron = useApp((s) => s.info?.mode) === 'electron';
  const [value, setValue] = useState('');
  const [folder, setFolder] = useState('');
  if (!state) return null;
  const rules = state.rules;
  const total = rules.topFunction.length + rules.anyFunction.length + rules.createdBy.length;
  const add = (k: Kind, f: string) => {
    const t = f.trim();
    if (!t || rules[k].includes(t)) return;
    void setIgnoreRules(id, { ...rules, [k]: [...rules[k], t] });
    setValue('');
  };
  const remove = (k: Kind, f: string) => void setIgnoreRules(id, { ...rules, [k]: rules[k].filter((x) => x !== f) });
  const canWrite = state.projectFolder !== null && !state.configError;
  return (
    <details className="hs-rules" data-testid="ignore-rules" open={total > 0 || undefined}>
      <summary>
        Ignore rules <span className="hs-pill">{total}</span>
      </summary>
      <div className="hs-folder">
        <span className="hs-site-label">saved in</span>
        {state.projectFolder ? (
          <code title={state.projectFolder} data-testid="project-folder">
            {state.projectFolder}/.leakline.json
          </code>
        ) : (
          <span className="muted">no project folder (an uploaded copy): name one to save rules</span>
        )}
      </div>
      {electron ? (
        <div className="hs-row">
          <button type="button" className="hs-btn" disabled={busy} onClick={() => void pickProjectFolder(id)} data-testid="pick-project-folder">
            Choose folder…
          </button>
        </div>
      ) : (
        <form
          className="hs-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (folder.trim()) void setProjectFolder(id, folder.trim());
          }}
        >
          <input
            className="hs-input"
            placeholder="/path/to/project"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            aria-label="Project folder"
            data-testid="project-folder-input"
          />
          <button type="submit" className="hs-btn" disabled={busy || !folder.trim()}>
            Use folder
          </button>
        </form>
      )}
      {state.configError && <p className="hs-error">{state.configError}</p>}
      <ul className="hs-rule-list">
        {KINDS.flatMap(([k, label]) =>
          rules[k].map((f) => (
            <li key={`${k}:${f}`} data-testid="ignore-rule">
              <span className="hs-site-label">{label}</span> <code>{f}</code>
              <button type="button" aria-label={`Remove rule ${f}`} onClick={() => remove(k, f)} disabled={busy || !canWrite}>
                ×
              </button>
            </li>
          )),
        )}
      </ul>
      {selected && canWrite && (
        <div className="hs-suggest">
          <span className="hs-site-label">ignore the selected suspect by</span>
          {suggestions(selected).map(([k, f]) => (
            <button type="button" key={k} className="hs-chip-btn" title={f} disabled={busy || rules[k].includes(f)} onClick={() => add(k, f)} data-testid={`ignore-${k}`}>
              {KINDS.find(([x]) => x === k)![1]}
            </button>
          ))}
        </div>
      )}
      <form
        className="hs-row"
        onSubmit={(e) => {
          e.preventDefault();
          add(kind, value);
        }}
      >
        <select className="hs-input hs-select" value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label="Rule kind">
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <input className="hs-input" placeholder="pkg.Function" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Function" data-testid="rule-input" />
        <button type="submit" className="hs-btn" disabled={busy || !canWrite || !value.trim()}>
          Add
        </button>
      </form>
    </details>
  );
}
