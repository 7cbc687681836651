// The top table of a flame tree, as `go tool pprof -top`: per function its flat value (samples
// whose innermost frame it is) and cumulative value (samples with it anywhere on the stack).
// Sortable; a click (or Enter on a focused row) picks the function: the flame graph searches for
// it, the sandwich view roots its callers and callees there.
import { useMemo, useState } from 'react';
import { functionTotals, type FlameTree } from '../../../analysis/flame';
import { formatValue } from '../compare/compare-model';

const ROWS = 200;

export function FlameTop({ tree, onPick, picked }: { tree: FlameTree; onPick: (fn: string) => void; picked: string }) {
  const [by, setBy] = useState<'flat' | 'cum'>('flat');
  const rows = useMemo(() => [...functionTotals(tree.root)].map(([name, v]) => ({ name, ...v })), [tree]);
  const sorted = useMemo(() => [...rows].sort((a, b) => b[by] - a[by] || (a.name < b.name ? -1 : 1)).slice(0, ROWS), [rows, by]);
  const total = tree.root.total;
  const pct = (v: number) => (total > 0 ? `${((100 * v) / total).toFixed(1)}%` : '');
  const head = (k: 'flat' | 'cum', label: string) => (
    <th className="num" aria-sort={by === k ? 'descending' : 'none'}>
      <button type="button" className="flame-top-sort" onClick={() => setBy(k)}>
        {label}
        {by === k ? ' ↓' : ''}
      </button>
    </th>
  );
  return (
    <div className="flame-top-wrap">
      <table className="flame-top" data-testid="flame-top">
        <thead>
          <tr>
            {head('flat', 'Flat')}
            <th className="num">Flat %</th>
            {head('cum', 'Cum')}
            <th className="num">Cum %</th>
            <th>Function</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.name} className={r.name === picked ? 'flame-top-on' : undefined} onClick={() => onPick(r.name === picked ? '' : r.name)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                onPick(r.name === picked ? '' : r.name);
              }}
              tabIndex={0}
              aria-selected={r.name === picked}
              data-testid="flame-top-row"
            >
              <td className="num mono">{formatValue(r.flat, tree.unit)}</td>
              <td className="num muted">{pct(r.flat)}</td>
              <td className="num mono">{formatValue(r.cum, tree.unit)}</td>
              <td className="num muted">{pct(r.cum)}</td>
              <td className="mono flame-top-fn" title={r.name}>
                {r.name}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
