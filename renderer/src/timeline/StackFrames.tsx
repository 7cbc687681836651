import type { Frame } from '../../../parsers/model';
import { isStdFunction } from '../../../analysis/frames';
import { openFrame } from './open-frame';

/** A stack, innermost first; user frames stand out, each frame opens file:line in the editor. */
export function StackFrames({ frames, testId }: { frames: readonly Frame[]; testId?: string }) {
  if (frames.length === 0) return <p className="muted tv-empty-stack">No stack recorded.</p>;
  return (
    <ol className="tv-stack" data-testid={testId}>
      {frames.map((f, i) => (
        <li key={i} className={isStdFunction(f.func) ? 'tv-frame-std' : 'tv-frame-user'}>
          <button type="button" className="tv-frame" onClick={() => void openFrame(f)} title={`Open ${f.file}:${f.line} in your editor`}>
            <span className="tv-frame-fn">{f.func}</span>
            <span className="tv-frame-loc">
              {f.file.split('/').slice(-2).join('/')}:{f.line}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
