/**
 * Keeps the computer awake while transfers run, with Electron's `powerSaveBlocker`
 * (`prevent-app-suspension`: the system may turn the screen off but must not sleep).
 * Idempotent: repeated `on` calls hold one blocker, `off` releases it.
 */

/** The slice of Electron's `powerSaveBlocker` used. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): boolean;
  isStarted(id: number): boolean;
}

export interface KeepAwake {
  set(on: boolean): void;
  /** True while a blocker is held. */
  readonly active: boolean;
}

export function createKeepAwake(blocker: PowerSaveBlockerLike): KeepAwake {
  let id: number | undefined;
  return {
    set(on) {
      if (on && (id === undefined || !blocker.isStarted(id))) {
        id = blocker.start('prevent-app-suspension');
      } else if (!on && id !== undefined) {
        if (blocker.isStarted(id)) blocker.stop(id);
        id = undefined;
      }
    },
    get active() {
      return id !== undefined && blocker.isStarted(id);
    },
  };
}
