import type { MatchMode } from '../../../analysis/align';
import type { ComparedGroup } from '../../../analysis/compare';
import type { GoroutineProfile } from '../../../parsers/model';
import { diffStacks, groupIn, type DiffFrame } from './compare-model';
import { snapshotLetter } from './CompareTable';

interface Side {
  readonly label: string;
  readonly name: string;
  readonly count: number;
  readonly state?: string;
  readonly frames?: DiffFrame[];
  readonly createdBy?: string;
}

function Column({ side, testId }: { side: Side; testId: string }) {
  return (
    <div className="stk-col" data-testid={testId}>
      <div className="stk-head">
        <span className="stk-letter">{side.label}</span>
        <span className="stk-file" title={side.name}>{side.name}</span>
        <span className="stk-meta">
          {side.count} goroutine{side.count === 1 ? '' : 's'}
          {side.state ? ` · ${side.state}` : ''}
        </span>
      </div>
      {side.frames ? (
        <ol className="stk-frames">
          {side.frames.map((f, i) => (
            <li key={i} className={f.changed ? 'stk-changed' : f.lineChanged ? 'stk-line-changed' : ''} data-changed={f.changed || f.lineChanged ? 'true' : undefined}>
              <span className="stk-func">{f.frame.func}</span>
              <span className="stk-loc">
                {f.frame.file ? `${f.frame.file}:${f.frame.line}` : ''}
              </span>
            </li>
          ))}
          {side.createdBy && (
            <li className="stk-created">
              <span className="stk-func">created by {side.createdBy}</span>
            </li>
          )}
        </ol>
      ) : (
        <div className="stk-absent">Not present in this snapshot.</div>
      )}
    </div>
  );
}

/** The selected row's stack in the first and the last snapshot, differing frames highlighted. */
export function StackDiff({
  group,
  profiles,
  names,
  mode,
}: {
  group: ComparedGroup;
  profiles: readonly GoroutineProfile[];
  names: readonly string[];
  mode: MatchMode;
}) {
  const n = profiles.length;
  const ga = groupIn(profiles[0], group.signature, mode);
  const gb = groupIn(profiles[n - 1], group.signature, mode);
  const d = diffStacks(ga?.stack ?? [], gb?.stack ?? []);
  const changed = d.a.filter((f) => f.changed || f.lineChanged).length + d.b.filter((f) => f.changed || f.lineChanged).length;
  const side = (i: number, g: typeof ga, frames: DiffFrame[]): Side => ({
    label: snapshotLetter(i, n),
    name: names[i],
    count: group.counts[i] ?? 0,
    state: g?.state,
    frames: g ? frames : undefined,
    createdBy: g?.createdBy ? `${g.createdBy.func}` : undefined,
  });
  return (
    <div className="stk">
      <div className="stk-summary">
        {ga && gb
          ? changed === 0
            ? 'The stacks are identical.'
            : `${changed} frame${changed === 1 ? '' : 's'} differ (highlighted): frames one format shows and the other hides, or lines that moved between builds.`
          : ga
            ? 'This group vanished: it is only in the first snapshot.'
            : 'This group is new: it is only in the last snapshot.'}
      </div>
      <div className="stk-cols">
        <Column side={side(0, ga, d.a)} testId="stack-a" />
        <Column side={side(n - 1, gb, d.b)} testId="stack-b" />
      </div>
    </div>
  );
}
