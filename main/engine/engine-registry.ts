// One engine per open document. Opening a stream for a document replaces its previous engine
// (a reloaded page asks again); closing the document or its stream closes the engine.
import type { DocumentId } from '../../contract';
import type { Engine } from './engine';

export interface EngineTarget {
  id: DocumentId;
  path: string;
  name: string;
}

export type EngineFactory = (target: EngineTarget) => Engine;

export class EngineRegistry {
  private readonly engines = new Map<DocumentId, Engine>();

  constructor(private readonly factory: EngineFactory) {}

  /** A fresh engine for the document (not started); any previous one is closed. */
  open(target: EngineTarget): Engine {
    const old = this.engines.get(target.id);
    if (old) void old.close();
    const engine = this.factory(target);
    this.engines.set(target.id, engine);
    return engine;
  }

  /**
   * The document's session: its engine if one runs, else a new one that loads without streaming
   * (a hunt or compare request came before the page asked for the stream).
   */
  session(target: EngineTarget): Engine {
    const e = this.engines.get(target.id);
    if (e) return e;
    const engine = this.open(target);
    engine.start(() => undefined, { stream: false });
    return engine;
  }

  /** Closes the document's engine, if `engine` is given only when it is still that one. */
  async close(id: DocumentId, engine?: Engine): Promise<void> {
    const e = this.engines.get(id);
    if (!e || (engine && e !== engine)) return;
    this.engines.delete(id);
    await e.close();
  }

  get live(): number {
    return this.engines.size;
  }

  async closeAll(): Promise<void> {
    const all = [...this.engines.values()];
    this.engines.clear();
    await Promise.all(all.map((e) => e.close()));
  }
}

/** Where the built worker script sits: next to the bundle that hosts it. */
export const ENGINE_WORKER_FILE = 'engine-worker.js';
