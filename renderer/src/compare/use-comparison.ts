// The compare table's data, asked of the Node side: main gets each document's end state from its
// session and the last document's session orders and aligns them (compareDocuments), so neither
// the UI thread nor main's event loop runs the alignment (0.6–2 s at 100k groups).
import { useEffect, useState } from 'react';
import type { DocumentComparison, DocumentId } from '../../../contract';
import type { MatchMode } from '../../../parsers/model';
import { asBridgeError, bridge } from '../bridge';

export interface AskedComparison {
  /** The reply for the current ids, mode and order, or null while it is being computed. */
  readonly result: DocumentComparison | null;
  readonly pending: boolean;
  readonly error: string | null;
}

const NONE: AskedComparison = { result: null, pending: false, error: null };

export function useComparison(ids: readonly DocumentId[], mode: MatchMode, autoOrder: boolean): AskedComparison {
  const key = ids.length === 0 ? '' : JSON.stringify([ids, mode, autoOrder]);
  const [state, setState] = useState<{ key: string; asked: AskedComparison }>({ key: '', asked: NONE });
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState({ key, asked: { result: null, pending: true, error: null } });
    bridge()
      .compareDocuments([...ids], mode, autoOrder)
      .then(
        (result) => live && setState({ key, asked: { result, pending: false, error: null } }),
        (err: unknown) => live && setState({ key, asked: { result: null, pending: false, error: asBridgeError(err).message } }),
      );
    return () => {
      live = false;
    };
  }, [key]); // `key` stands for ids, mode and autoOrder
  if (!key) return NONE;
  return state.key === key ? state.asked : { result: null, pending: true, error: null };
}
