import { modKey } from '../format';

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  [`${modKey}wheel`, 'Zoom at the cursor'],
  ['W / S', 'Zoom in / out at the cursor'],
  ['A / D', 'Pan left / right'],
  ['Drag on spans', 'Pan'],
  ['Shift+wheel', 'Pan'],
  ['Drag on the axis', 'Select a range and zoom to it'],
  ['0 / Home', 'Fit the whole trace'],
  [`${modKey}Z`, 'Undo navigation'],
  [`${modKey}Shift+Z / ${modKey}Y`, 'Redo navigation'],
  ['N / P', 'Next / previous suspected leak'],
  ['J / K', 'Next / previous suspect in the suspects panel'],
  ['↑ / ↓', 'Previous / next goroutine'],
  ['Enter', 'Zoom to the selected goroutine'],
  ['F', 'Focus the search'],
  ['X', 'Toggle "suspects only"'],
  ['R', 'Show or hide runtime goroutines (GC workers, sweeper, trace reader…)'],
  ['Esc', 'Clear the selection, close this'],
  ['?', 'Show these shortcuts'],
];

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="tv-modal-backdrop" onClick={onClose}>
      <div className="tv-modal" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()} data-testid="shortcuts">
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([k, v]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
