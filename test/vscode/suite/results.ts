// Where the in-editor suite leaves its results: beside its bundle, for the launcher to read.

/** File name, in the folder of the bundled suite (its `__dirname`). */
export const RESULTS_FILE = 'results.json';
