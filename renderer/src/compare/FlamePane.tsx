import { useEffect, useState } from 'react';
import { defaultSampleIndex, sampleTypeLabels } from '../../../analysis/flame';
import type { DocumentId } from '../../../contract';
import type { FlameTree, Profile } from '../../../parsers/model';
import { asBridgeError, bridge } from '../bridge';
import { FlameGraph } from '../flame/FlameGraph';
import { useCompare } from './compare-store';

/** The tree for these documents, built by the last one's session (flameDocuments), not in render. */
function useFlameTree(ids: readonly DocumentId[], sampleIndex: number | null): { tree: FlameTree | null; error: string | null } {
  const key = JSON.stringify([ids, sampleIndex]);
  const [state, setState] = useState<{ key: string; tree: FlameTree | null; error: string | null }>({ key: '', tree: null, error: null });
  useEffect(() => {
    let live = true;
    bridge()
      .flameDocuments([...ids], sampleIndex)
      .then(
        (tree) => live && setState({ key, tree, error: null }),
        (err: unknown) => live && setState({ key, tree: null, error: asBridgeError(err).message }),
      );
    return () => {
      live = false;
    };
  }, [key]); // `key` stands for ids and sampleIndex
  return state.key === key ? state : { tree: null, error: null };
}

function SampleTypePicker({ profile }: { profile: Profile }) {
  const idx = useCompare((s) => s.sampleIndex);
  const set = useCompare((s) => s.set);
  if (profile.kind !== 'samples' || profile.sampleTypes.length < 2) return null;
  const value = idx >= 0 && idx < profile.sampleTypes.length ? idx : defaultSampleIndex(profile);
  return (
    <label className="flame-pick">
      Sample type{' '}
      <select value={value} onChange={(e) => set({ sampleIndex: Number(e.target.value) })}>
        {sampleTypeLabels(profile).map((l, i) => (
          <option key={l} value={i}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Differential flame graph of the first and last snapshot, or one profile's flame graph. */
export function FlamePane({ ids, profiles, names }: { ids: readonly DocumentId[]; profiles: readonly Profile[]; names: readonly string[] }) {
  const idx = useCompare((s) => s.sampleIndex);
  // Empty when no document is left to draw (e.g. the compared snapshots were closed).
  const last = profiles.at(-1);
  const sampleIndex = last?.kind === 'samples' && idx >= 0 && idx < last.sampleTypes.length ? idx : null;
  const { tree, error } = useFlameTree(ids, sampleIndex);
  if (!last) return null;
  if (!tree) {
    return (
      <div className="flame-pane">
        <div className={error ? 'cmp-errors' : 'cmp-hint muted'} role={error ? 'alert' : undefined}>
          {error ?? 'Building the flame graph…'}
        </div>
      </div>
    );
  }
  const diff = tree.differential;
  const n = profiles.length;
  const a = 'A';
  const b = n <= 26 ? String.fromCharCode(64 + n) : `#${n}`;
  return (
    <div className="flame-pane">
      <div className="flame-bar">
        {diff ? (
          <span className="flame-legend" data-testid="flame-legend">
            <span className="flame-key flame-key-shrink" /> fewer in {b} than {a}
            <span className="flame-key flame-key-same" /> unchanged
            <span className="flame-key flame-key-grow" /> more in {b} ({names[n - 1]}) than {a} ({names[0]})
            <span className="muted"> · width: {a} + {b}</span>
          </span>
        ) : (
          <span className="flame-legend">
            {names[n - 1]} · {tree.valueLabel}
            {profiles.length >= 2 && <span className="muted"> · the profiles differ in kind; showing the last one</span>}
          </span>
        )}
        <span className="flame-hint muted">hover for values · click to zoom · Esc to reset</span>
        <SampleTypePicker profile={last} />
      </div>
      <div className="flame-scroll">
        <FlameGraph tree={tree} baseLabel={`${a} · ${names[0]}`} targetLabel={`${b} · ${names[n - 1]}`} />
      </div>
    </div>
  );
}
