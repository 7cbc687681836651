import { useMemo, useState } from 'react';
import { defaultSampleIndex, flameOfProfile, sampleTypeLabels } from '../../../analysis/flame';
import type { DocumentInfo } from '../../../contract';
import type { Profile } from '../../../parsers/model';
import { openCompare } from '../compare/compare-store';
import { FlameGraph } from './FlameGraph';

/** A profile document's flame graph (any kind, any sample type), with the way into comparing. */
export function ProfileFlame({ profile, doc }: { profile: Profile; doc?: Pick<DocumentInfo, 'id' | 'name'> }) {
  const [idx, setIdx] = useState(profile.kind === 'samples' ? defaultSampleIndex(profile) : 0);
  const tree = useMemo(() => flameOfProfile(profile, idx), [profile, idx]);
  const labels = sampleTypeLabels(profile);
  return (
    <section className="pflame" aria-label="Flame graph">
      <div className="pflame-bar">
        <h2>Flame graph</h2>
        {labels.length > 1 ? (
          <label>
            Sample type{' '}
            <select value={idx} onChange={(e) => setIdx(Number(e.target.value))}>
              {labels.map((l, i) => (
                <option key={l} value={i}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="muted">{tree.valueLabel}</span>
        )}
        <span className="muted pflame-hint">hover for values · click to zoom · Esc to reset</span>
        {doc && profile.kind === 'goroutines' && (
          <button type="button" className="btn" onClick={() => openCompare([doc])}>
            ⇄ Compare with other snapshots…
          </button>
        )}
      </div>
      <FlameGraph tree={tree} />
    </section>
  );
}
