// Work that must run once across replicas (scheduler fires, submitted forms).

export interface RunStore {
  /**
   * Records the start of a scheduler fire, or of other work that must run once
   * across replicas (a submitted form); false when another already has it.
   */
  tryStart(fireKey: string, owner: string, now: Date): Promise<boolean>;
  finish(fireKey: string, now: Date): Promise<void>;
  /** Forgets fires older than `before`. */
  prune(before: Date): Promise<void>;
}
