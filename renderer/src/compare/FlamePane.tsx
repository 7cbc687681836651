import { useMemo } from 'react';
import { defaultSampleIndex, diffFlame, flameOfProfile, sampleTypeLabels } from '../../../analysis/flame';
import type { Profile } from '../../../parsers/model';
import { FlameGraph } from '../flame/FlameGraph';
import { useCompare } from './compare-store';

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

function sameShape(a: Profile, b: Profile): boolean {
  if (a.kind === 'goroutines' || b.kind === 'goroutines') return a.kind === b.kind;
  return a.sampleTypes.map((t) => `${t.type}/${t.unit}`).join() === b.sampleTypes.map((t) => `${t.type}/${t.unit}`).join();
}

/** Differential flame graph of the first and last snapshot, or one profile's flame graph. */
export function FlamePane({ profiles, names }: { profiles: readonly Profile[]; names: readonly string[] }) {
  const idx = useCompare((s) => s.sampleIndex);
  const first = profiles[0];
  const last = profiles[profiles.length - 1];
  const diff = profiles.length >= 2 && sameShape(first, last);
  const sampleIndex = last.kind === 'samples' && idx >= 0 && idx < last.sampleTypes.length ? idx : undefined;
  const tree = useMemo(
    () => (diff ? diffFlame(first, last, sampleIndex) : flameOfProfile(last, sampleIndex)),
    [diff, first, last, sampleIndex],
  );
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
