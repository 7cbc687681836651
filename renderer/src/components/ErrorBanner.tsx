import { describeError } from '../bridge/errors';
import { useApp } from '../state/app-store';

export function ErrorBanner() {
  const error = useApp((s) => s.error);
  const set = useApp((s) => s.set);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <strong>{describeError(error)}</strong>
        <span className="banner-detail">{error.message}</span>
      </div>
      <button type="button" className="ghost" onClick={() => set({ error: null })} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
