/** What every data build script receives: where raw sources live and where bundled tables go. */
export interface BuildContext {
  /** absolute path of `data/sources` */
  readonly sourcesDir: string;
  /** absolute path of `data/bundled` */
  readonly bundledDir: string;
  /** progress and checks go here (stderr), never to stdout */
  log(message: string): void;
}

/** One table a build script wrote into `data/bundled`. */
export interface BuiltTable {
  /** logical name, e.g. `observations.techme` */
  readonly name: string;
  /** path relative to `data/bundled` */
  readonly file: string;
  readonly rows: number;
  /** ids from the group's `sources.json` */
  readonly sources: readonly string[];
}

export interface SourceRecord {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string;
  readonly licence: string;
  readonly retrieved: string;
  readonly citation?: string;
  readonly note?: string;
}
