/**
 * How to open something that keeps its own open state (a dialog): the dialog says how it opens,
 * and buttons, shortcuts and menu commands call `open`. Opening then redraws only the dialog.
 */
export class Opener {
  private handler: (() => void) | null = null;

  /** The dialog's way to open; returns the undo for when it goes away. */
  readonly use = (handler: () => void): (() => void) => {
    this.handler = handler;
    return () => {
      if (this.handler === handler) this.handler = null;
    };
  };

  readonly open = (): void => {
    this.handler?.();
  };
}
